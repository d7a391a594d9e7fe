import "server-only";
import { eq, inArray, lt, notExists, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { sessionGrants, sessions } from "../db/schema";
import { env } from "../env";
import { revokeAtJiko } from "../jiko/refresh";
import { log } from "../log";
import { forgetCachedViewer } from "../viewer-cache";
import { clientKey } from "./client-key";
import { forgetSession } from "./session-memo";
import { type GrantRow, unseal } from "./token-store";

/** Why a session ended; the sign-in page says it in words. */
export type SessionEndReason = "signed-out" | "idle" | "expired" | "revoked" | "unreadable";

/** Revocation may wait for a slow portal, but never long: the tokens are forgotten regardless. */
const REVOKE_TIMEOUT_MS = 3_000;

/** Ends a grant at Jiko with its refresh token; logs and swallows failures (nothing to retry with). */
export async function revokeRefreshToken(refreshToken: string, why: string): Promise<void> {
  const e = env();
  try {
    await revokeAtJiko({
      issuer: e.JIKO_ISSUER,
      clientId: e.JIKO_CLIENT_ID,
      key: await clientKey(),
      refreshToken,
      timeoutMs: REVOKE_TIMEOUT_MS,
    });
  } catch (err) {
    log.warn({ err, why }, "could not revoke a grant at Jiko");
  }
}

async function revokeRows(rows: GrantRow[], why: string): Promise<void> {
  await Promise.all(
    rows.map(async (row) => {
      if (!row.refreshToken) return;
      let refreshToken: string;
      try {
        refreshToken = unseal(row.refreshToken);
      } catch {
        return; // sealed under a secret no longer configured: it cannot be presented
      }
      await revokeRefreshToken(refreshToken, why);
    }),
  );
}

/**
 * Ends one session: its row and its tokens leave the database first (each delete its own
 * statement, no transaction), then its grant is revoked at Jiko. The delete that returns the row
 * is the claim, so two instances ending one session revoke once.
 */
export async function endSession(
  db: Db,
  sessionToken: string,
  reason: SessionEndReason,
  opts: { revokeInBackground?: boolean } = {},
): Promise<void> {
  forgetSession(db, sessionToken);
  const grants = await db
    .delete(sessionGrants)
    .where(eq(sessionGrants.sessionToken, sessionToken))
    .returning();
  await db.delete(sessions).where(eq(sessions.sessionToken, sessionToken));
  // Whoever this session was is forgotten with it (other instances find no session row within
  // their memo's few seconds, server/auth/session-memo.ts).
  forgetSession(db, sessionToken);
  forgetCachedViewer(sessionToken);
  log.info({ reason }, "session ended");
  if (reason === "revoked" || reason === "unreadable") return;
  const revoking = revokeRows(grants, reason);
  // A person signing out is on their way to the sign-in page: the portal's answer is not theirs
  // to wait for (revokeRows logs its own failures).
  if (!opts.revokeInBackground) await revoking;
}

/**
 * Ends what nobody can use any more: sessions past their idle or absolute lifetime, and tokens
 * whose session is gone (Auth.js deletes expired sessions it meets). Their grants are revoked.
 */
export async function sweepEndedSessions(db: Db, now = new Date()): Promise<number> {
  const e = env();
  const oldest = new Date(now.getTime() - e.SESSION_MAX_HOURS * 3_600_000);
  const ended = await db
    .delete(sessions)
    .where(or(lt(sessions.expires, now), lt(sessions.createdAt, oldest)))
    .returning({ token: sessions.sessionToken });
  const orphaned = await db
    .delete(sessionGrants)
    .where(
      or(
        ended.length
          ? inArray(
              sessionGrants.sessionToken,
              ended.map((s) => s.token),
            )
          : sql`false`,
        notExists(
          db
            .select({ one: sql`1` })
            .from(sessions)
            .where(eq(sessions.sessionToken, sessionGrants.sessionToken)),
        ),
      ),
    )
    .returning();
  for (const { token } of ended) forgetSession(db, token);
  await revokeRows(orphaned, "ended");
  return orphaned.length;
}

let lastSweep = 0;
const SWEEP_EVERY_MS = 5 * 60_000;

/** Sweeps at most every few minutes per instance, off the request's path. */
export function sweepSoon(db: Db): void {
  if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = Date.now();
  void sweepEndedSessions(db).catch((err) => log.warn({ err }, "session sweep failed"));
}
