import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "./config";

describe("readConfig", () => {
  it("uses Jiko-like defaults, treating empty strings as unset", () => {
    expect(readConfig({ SANDBOX_HOST: "", SANDBOX_API_PORT: " " })).toEqual({
      SANDBOX_HOST: "127.0.0.1",
      SANDBOX_API_PORT: 4010,
      SANDBOX_PORTAL_PORT: 4011,
      SANDBOX_DATA_DIR: ".data/sandbox",
      SANDBOX_PASSWORD: "jiko-sandbox",
      SANDBOX_ACCESS_TOKEN_TTL: 900,
      SANDBOX_LOG_LEVEL: "warn",
    });
  });

  it("reads values", () => {
    const c = readConfig({ SANDBOX_PORTAL_PORT: "5011", SANDBOX_ACCESS_TOKEN_TTL: "60" });
    expect(c.SANDBOX_PORTAL_PORT).toBe(5011);
    expect(c.SANDBOX_ACCESS_TOKEN_TTL).toBe(60);
  });

  it("names the bad variable in one line", () => {
    expect(() => readConfig({ SANDBOX_API_PORT: "eighty" })).toThrow(ConfigError);
    expect(() => readConfig({ SANDBOX_API_PORT: "eighty" })).toThrow(/^Invalid SANDBOX_API_PORT=/);
    expect(() => readConfig({ SANDBOX_LOG_LEVEL: "loud" })).toThrow(/SANDBOX_LOG_LEVEL/);
    expect(() => readConfig({ SANDBOX_ACCESS_TOKEN_TTL: "0" })).toThrow(/SANDBOX_ACCESS_TOKEN_TTL/);
    expect(() => readConfig({ SANDBOX_RATE_LIMITS: "nope=3" })).toThrow(
      /^Invalid SANDBOX_RATE_LIMITS=/,
    );
  });

  it("reads rate-limit overrides", () => {
    expect(
      readConfig({ SANDBOX_RATE_LIMITS: "authentication=1000, user=5" }).SANDBOX_RATE_LIMITS,
    ).toEqual({
      authentication: 1000,
      user: 5,
    });
  });
});
