import { createHash } from "node:crypto";

/**
 * Deterministic UUIDs (RFC 9562 version 5 layout: SHA-1 of a namespace and a name), so every
 * reseed gives the same customer, team, member and pocket ids and tests can name them.
 */
const NAMESPACE = "treasury-desk/jiko-sandbox";

export function stableId(kind: string, name: string): string {
  const hash = createHash("sha1").update(`${NAMESPACE}:${kind}:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
