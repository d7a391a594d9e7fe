import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const pem = generateKeyPairSync("rsa-pss", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs8", format: "pem" })
  .toString();

const valid = {
  JIKO_API_URL: "https://api.business.jiko.io/",
  JIKO_ISSUER: "https://auth.jiko.io",
  JIKO_CLIENT_ID: "client-123",
  JIKO_CLIENT_PRIVATE_KEY: pem,
  AUTH_SECRET: "x".repeat(40),
};

describe("configuration", () => {
  it("accepts a real deployment's values and fills defaults", () => {
    const env = parseEnv(valid);
    expect(env.JIKO_API_URL).toBe("https://api.business.jiko.io");
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.JIKO_REFRESH_SKEW_SECONDS).toBe(60);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names the missing variable in one line", () => {
    const { JIKO_CLIENT_ID: _, ...rest } = valid;
    expect(() => parseEnv(rest)).toThrow("Configuration error: JIKO_CLIENT_ID is required.");
  });

  it("treats an empty string as unset", () => {
    expect(() => parseEnv({ ...valid, AUTH_SECRET: "" })).toThrow(
      /^Configuration error: AUTH_SECRET is required\.$/,
    );
  });

  it("names a malformed value", () => {
    expect(() => parseEnv({ ...valid, JIKO_ISSUER: "auth.jiko.io" })).toThrow(/JIKO_ISSUER/);
    expect(() => parseEnv({ ...valid, DATABASE_URL: "mysql://db" })).toThrow(
      /DATABASE_URL must be a postgres/,
    );
    expect(() => parseEnv({ ...valid, JIKO_CLIENT_PRIVATE_KEY: "secret" })).toThrow(
      /JIKO_CLIENT_PRIVATE_KEY must be a PKCS#8/,
    );
    expect(() => parseEnv({ ...valid, AUTH_SECRET: "short" })).toThrow(
      /AUTH_SECRET must be at least 32/,
    );
  });

  it("accepts a PEM given on one line with \\n escapes", () => {
    const env = parseEnv({ ...valid, JIKO_CLIENT_PRIVATE_KEY: pem.replaceAll("\n", "\\n") });
    expect(env.JIKO_CLIENT_PRIVATE_KEY).toBe(pem);
  });
});
