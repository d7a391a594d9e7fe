import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./crypto";

const secret = "a-session-secret-of-at-least-32-characters!";

describe("token encryption at rest", () => {
  it("round-trips and never stores the token in clear", () => {
    const token = "opaque-access-token-value";
    const sealed = encryptSecret(token, secret);
    expect(sealed).not.toContain(token);
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(decryptSecret(sealed, secret)).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", secret)).not.toBe(encryptSecret("same", secret));
  });

  it("refuses a tampered value or another secret", () => {
    const sealed = encryptSecret("value", secret);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptSecret(parts.join("."), secret)).toThrow();
    expect(() => decryptSecret(sealed, `${secret}-other`)).toThrow();
    expect(() => decryptSecret("plain-text", secret)).toThrow(/encrypted format/);
  });
});
