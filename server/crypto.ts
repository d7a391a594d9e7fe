import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

/**
 * Jiko tokens at rest: AES-256-GCM with a key derived from a session secret (HKDF-SHA256), so a
 * copy of the database alone reveals no token. Format "v2.<kid>.<iv>.<tag>.<ciphertext>"
 * (base64url), where kid names the secret that sealed it: secrets can be rotated, the newest
 * writing and the previous ones still reading. "v1" values (no kid) are read with any key.
 */
const VERSION = "v2";

/** A value sealed under a secret that is no longer configured, or altered: it cannot be read. */
export class UnreadableSecretError extends Error {
  constructor(message = "Stored token cannot be decrypted with the configured secrets") {
    super(message);
    this.name = "UnreadableSecretError";
  }
}

interface Key {
  kid: string;
  key: Buffer;
}

const derived = new Map<string, Key>();

function keyFor(secret: string): Key {
  let found = derived.get(secret);
  if (!found) {
    const key = Buffer.from(
      hkdfSync("sha256", secret, "treasury-desk", "jiko-token-encryption", 32),
    );
    // The kid reveals nothing of the key: a short hash of it under another label.
    const kid = createHash("sha256").update("kid").update(key).digest("base64url").slice(0, 8);
    found = { kid, key };
    derived.set(secret, found);
  }
  return found;
}

/** The secrets, newest first: the first seals; every one of them opens. */
export type Secrets = string | readonly string[];
const list = (s: Secrets) => (typeof s === "string" ? [s] : s);

export function encryptSecret(plain: string, secrets: Secrets): string {
  const { kid, key } = keyFor(list(secrets)[0]!);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    VERSION,
    kid,
    ...[iv, cipher.getAuthTag(), body].map((p) => p.toString("base64url")),
  ].join(".");
}

function open(key: Buffer, iv: string, tag: string, body: string): string {
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(body, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}

export function decryptSecret(sealed: string, secrets: Secrets): string {
  const parts = sealed.split(".");
  const keys = list(secrets).map(keyFor);
  let candidates: Key[];
  let rest: string[];
  if (parts[0] === VERSION && parts.length === 5) {
    candidates = keys.filter((k) => k.kid === parts[1]);
    rest = parts.slice(2);
  } else if (parts[0] === "v1" && parts.length === 4) {
    candidates = keys;
    rest = parts.slice(1);
  } else {
    throw new UnreadableSecretError("Stored token is not in the expected encrypted format");
  }
  const [iv, tag, body] = rest as [string, string, string];
  for (const { key } of candidates) {
    try {
      return open(key, iv, tag, body);
    } catch {
      // Altered, or sealed under another secret with a colliding kid: try the next.
    }
  }
  throw new UnreadableSecretError();
}

/** Whether a value was sealed by an older secret (worth re-sealing with the current one). */
export const sealedWithOlderKey = (sealed: string, secrets: Secrets) =>
  !sealed.startsWith(`${VERSION}.${keyFor(list(secrets)[0]!).kid}.`);
