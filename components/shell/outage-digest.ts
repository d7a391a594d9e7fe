/**
 * What a failed page's error says to the browser's error screens, for both of them (the
 * dashboard's and the root's last-resort page): Jiko being away, as a server error carries it, or
 * code the browser could not fetch. Kept apart from the outage's view (jiko-outage.tsx) so the
 * root's page, loaded with every page, the sign-in page included, carries this and nothing of
 * the view.
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

/**
 * Code the browser could not fetch: opened offline, or after a newer release replaced the build
 * this tab runs. The bundler names that error ChunkLoadError (Turbopack's runtime, as webpack's).
 * Only a reload mends it: trying again in place needs the same missing code.
 */
export const codeNotFetched = (error: unknown): boolean =>
  error instanceof Error && error.name === "ChunkLoadError";

/** What either screen says of it. */
export const CODE_NOT_FETCHED =
  "Treasury Desk could not fetch what it needs: the connection may have dropped, or a newer version was released. Your data is safe; reload the page to carry on.";
