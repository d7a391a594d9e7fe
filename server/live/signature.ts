import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/** Jiko's webhook signature: base64(HMAC-SHA256(shared secret, the raw body bytes)). */
export function signBody(body: Uint8Array | string, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

/**
 * Whether `header` is the body's signature under one of the secrets. Compared as digests in
 * constant time, every secret tried, so timing reveals neither the secret nor which one matched.
 */
export function signatureMatches(
  body: Uint8Array,
  header: string | null,
  secrets: readonly string[],
): boolean {
  if (!header || secrets.length === 0) return false;
  const given = Buffer.from(header.trim(), "base64");
  if (given.length !== 32) return false;
  let ok = false;
  for (const secret of secrets) {
    const expected = createHmac("sha256", secret).update(body).digest();
    if (timingSafeEqual(expected, given)) ok = true;
  }
  return ok;
}
