/**
 * Jiko being away, as a server error carries it to the browser. Kept apart from the outage's
 * view (jiko-outage.tsx) so the root's last-resort error page, loaded with every page, the
 * sign-in page included, carries this and nothing of the view.
 */

/** Jiko away: not answering (timeouts, 5xx), or asking to wait (a 429 too long to wait for). */
export interface Outage {
  kind: "unavailable" | "rate-limited";
  retryAfterSeconds?: number;
}

/**
 * Reads the digest a JikoError carries to the browser ("jiko:<code>[:<seconds>]", see
 * server/jiko/errors.ts): the only part of a server error Next keeps in production.
 */
export function outageFromDigest(error: unknown): Outage | null {
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : "";
  const m = digest.match(/^jiko:(unavailable|rate-limited)(?::(\d+))?$/);
  if (!m) return null;
  return {
    kind: m[1] as Outage["kind"],
    retryAfterSeconds: m[2] === undefined ? undefined : Number(m[2]),
  };
}
