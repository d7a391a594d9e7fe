import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { publishSessionChanged, subscribeSessionChanges } from "../live/bus";
import { log } from "../log";
import { processWide } from "../process-wide";
import { TtlMemo } from "../ttl-memo";
import type { TokenSet } from "./token-store";

/**
 * What every request needs of its session before it can call Jiko: whose session it is (the
 * sessions row, checked for idle and lifetime) and the grant's tokens (decrypted from their row).
 * Reading both costs two database reads and a decryption per request, about 5 ms of a 25 ms
 * route on PGlite; a page's burst of requests within a few seconds reads them once.
 *
 * SESSION_MEMO_MS 5 s, the cost of the choice: a session ended on another instance (signed out
 * there, swept as idle) is still honoured by this one for up to 5 s, with tokens Jiko has
 * revoked by then, so Jiko refuses the calls and the refusal drops the entry. Everything this
 * instance does to a session drops its entry at once: sign-out and every other end, a team
 * switch or sign-in binding new tokens, a refresh storing new ones, any 401/403 from Jiko. An
 * entry is only used while its access token has more than the refresh skew left, so a refresh
 * always starts from the database. The idle expiry still slides: a miss every 5 s at most reads
 * the row, and the row is written at most once a minute anyway (server/auth/session.ts).
 */
export const SESSION_MEMO_MS = 5_000;
/** Each entry is a few hundred bytes; this bounds the memo to about a MiB per instance. */
export const SESSION_MEMO_MAX = 5_000;

export interface RememberedSession {
  userId: string;
  tokens: TokenSet;
}

/** A session's key in the memo and on the bus: a fingerprint, so no token travels or is kept twice. */
export const sessionKey = (sessionToken: string) =>
  createHash("sha256").update(sessionToken).digest("base64url").slice(0, 22);

/**
 * One memo per database, so two databases in one process (tests) never answer for each other; one
 * for the whole process (the pages' copy of this module and the routes'), so a session forgotten
 * by a route is forgotten by the pages too.
 */
const memos = processWide(
  "session-memo:per-database",
  () => new WeakMap<Db, TtlMemo<RememberedSession>>(),
);

function memoFor(database: Db): TtlMemo<RememberedSession> {
  let memo = memos.get(database);
  if (!memo) {
    const created = new TtlMemo<RememberedSession>({
      ttlMs: SESSION_MEMO_MS,
      max: SESSION_MEMO_MAX,
    });
    memos.set(database, created);
    // Another instance ending a session or binding it new tokens says so over the bus.
    subscribeSessionChanges((key) => created.forget(key)).catch((err) =>
      log.warn({ err }, "remembered sessions will not hear other instances; they lapse in 5 s"),
    );
    memo = created;
  }
  return memo;
}

/** The session as remembered a moment ago, if it is. */
export const rememberedSession = (database: Db, sessionToken: string) =>
  memoFor(database).get(sessionKey(sessionToken));

/** Read before loading a session, handed to `rememberSession` after (see TtlMemo.set). */
export const memoGeneration = (database: Db) => memoFor(database).generation;

export const rememberSession = (
  database: Db,
  sessionToken: string,
  value: RememberedSession,
  generation: number,
) => memoFor(database).set(sessionKey(sessionToken), value, generation);

/**
 * Drops what this instance, and every other one, remembers of a session: its end, new tokens
 * (sign-in, team switch, refresh), Jiko's refusal.
 */
export function forgetSession(database: Db, sessionToken: string): void {
  const key = sessionKey(sessionToken);
  memos.get(database)?.forget(key);
  publishSessionChanged(key).catch((err) =>
    log.warn({ err }, "other instances may honour a changed session for up to 5 s"),
  );
}
