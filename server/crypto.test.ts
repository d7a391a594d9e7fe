import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, sealedWithOlderKey, UnreadableSecretError } from "./crypto";

const secret = "a-session-secret-of-at-least-32-characters!";
const next = "the-next-session-secret-after-rotation-42!";

/** What the first format ("v1.<iv>.<tag>.<ciphertext>", no key id) wrote. */
function sealV1(plain: string, s: string): string {
  const key = Buffer.from(hkdfSync("sha256", s, "treasury-desk", "jiko-token-encryption", 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

describe("token encryption at rest", () => {
  it("round-trips, names its key, and never stores the token in clear", () => {
    const token = "opaque-access-token-value";
    const sealed = encryptSecret(token, secret);
    expect(sealed).not.toContain(token);
    expect(sealed).toMatch(/^v2\.[\w-]{8}\./);
    expect(decryptSecret(sealed, secret)).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", secret)).not.toBe(encryptSecret("same", secret));
  });

  it("refuses a tampered value or another secret with a typed error", () => {
    const sealed = encryptSecret("value", secret);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString("base64url");
    expect(() => decryptSecret(parts.join("."), secret)).toThrow(UnreadableSecretError);
    expect(() => decryptSecret(sealed, `${secret}-other`)).toThrow(UnreadableSecretError);
    expect(() => decryptSecret("plain-text", secret)).toThrow(/encrypted format/);
  });

  it("rotates: the new secret writes, the previous one still reads", () => {
    const old = encryptSecret("token", secret);
    const rotated = [next, secret];
    expect(decryptSecret(old, rotated)).toBe("token");
    expect(sealedWithOlderKey(old, rotated)).toBe(true);
    const fresh = encryptSecret("token", rotated);
    expect(sealedWithOlderKey(fresh, rotated)).toBe(false);
    expect(decryptSecret(fresh, rotated)).toBe("token");
    // Once the old secret is dropped, what it sealed can no longer be read.
    expect(() => decryptSecret(old, next)).toThrow(UnreadableSecretError);
  });

  it("still reads values sealed in the first format, under any configured secret", () => {
    expect(decryptSecret(sealV1("legacy", secret), [next, secret])).toBe("legacy");
    expect(() => decryptSecret(sealV1("legacy", secret), next)).toThrow(UnreadableSecretError);
  });
});
