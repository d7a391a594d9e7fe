/**
 * Short-lived signed links for documents (trade confirmations, statements, reports), as Jiko
 * serves them: whoever holds the link may fetch the file until it expires, without a token. The
 * signing key lives in memory: a restarted sandbox's old links stop working, as expired ones do.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

const KEY = randomBytes(32);

export const DocumentRef = z.object({
  kind: z.enum(["trade-confirmation", "statement", "report", "agreement", "company-document"]),
  id: z.string(),
  /** Expiry, epoch milliseconds. */
  exp: z.number().int(),
});
export type DocumentRef = z.infer<typeof DocumentRef>;

/** Jiko's documented TTL for trade confirmation links. */
export const DOCUMENT_LINK_TTL_MS = 10 * 60_000;

const mac = (payload: string) => createHmac("sha256", KEY).update(payload).digest("base64url");

export function signDocument(ref: Omit<DocumentRef, "exp">, now: number): string {
  const payload = Buffer.from(JSON.stringify({ ...ref, exp: now + DOCUMENT_LINK_TTL_MS })).toString(
    "base64url",
  );
  return `${payload}.${mac(payload)}`;
}

export type Verified =
  | { ok: true; ref: DocumentRef }
  | { ok: false; reason: "invalid" | "expired" };

export function verifyDocument(token: string, now: number): Verified {
  const [payload, signature] = token.split(".");
  if (!payload || !signature) return { ok: false, reason: "invalid" };
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: "invalid" };
  }
  const ref = DocumentRef.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  if (!ref.success) return { ok: false, reason: "invalid" };
  if (ref.data.exp <= now) return { ok: false, reason: "expired" };
  return { ok: true, ref: ref.data };
}
