import "server-only";
import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "../db";
import type { Db } from "../db/client";
import { sessions } from "../db/schema";
import { env } from "../env";
import { sessionCookie, sessionCookieIn } from "./cookie";
import { endSession, type SessionEndReason, sweepSoon } from "./end";

export interface ActiveSession {
  sessionToken: string;
  userId: string;
}

export interface SessionLimits {
  idleMs: number;
  maxMs: number;
  /** The stored expiry is pushed forward at most this often (a write per request is waste). */
  slideEveryMs: number;
}

export type SessionLookup =
  | { session: ActiveSession }
  | { ended: SessionEndReason }
  | { none: true };

export function sessionLimits(): SessionLimits {
  const e = env();
  return {
    idleMs: e.SESSION_IDLE_MINUTES * 60_000,
    maxMs: e.SESSION_MAX_HOURS * 3_600_000,
    slideEveryMs: Math.min(60_000, e.SESSION_IDLE_MINUTES * 6_000),
  };
}

/**
 * A session by its cookie, enforced on the server: ended when idle past its expiry or older than
 * its absolute lifetime (its grant revoked at Jiko), else its expiry slides with this activity.
 */
export async function lookUpSession(
  database: Db,
  sessionToken: string,
  limits: SessionLimits,
  now = new Date(),
): Promise<SessionLookup> {
  const [row] = await database
    .select()
    .from(sessions)
    .where(eq(sessions.sessionToken, sessionToken));
  if (!row) return { none: true };
  const ended: SessionEndReason | null =
    row.expires <= now
      ? "idle"
      : now.getTime() - row.createdAt.getTime() >= limits.maxMs
        ? "expired"
        : null;
  if (ended) {
    await endSession(database, sessionToken, ended);
    return { ended };
  }
  const slid = now.getTime() + limits.idleMs;
  if (slid - row.expires.getTime() >= limits.slideEveryMs) {
    await database
      .update(sessions)
      .set({ expires: new Date(slid) })
      .where(eq(sessions.sessionToken, sessionToken));
  }
  return { session: { sessionToken, userId: row.userId } };
}

/** The request's session token, from its cookie (pages and server actions, inside Next's scope). */
export async function sessionCookieValue(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookie(env().APP_URL).name)?.value;
}

/**
 * The session token from a request's own Cookie header: route handlers read it here rather than
 * through Next's request scope, so that they run the same outside Next's router
 * (scripts/lib/api-reads.ts).
 */
export function sessionCookieFromRequest(req: Request): string | undefined {
  return sessionCookieIn(req.headers.get("cookie"), env().APP_URL);
}

/** The session a token names, enforced (see lookUpSession). */
export async function sessionFor(token: string | undefined): Promise<SessionLookup> {
  if (!token) return { none: true };
  const database = db();
  sweepSoon(database);
  return lookUpSession(database, token, sessionLimits());
}

/** The request's session, once per request. */
export const currentSession = cache(
  async (): Promise<SessionLookup> => sessionFor(await sessionCookieValue()),
);
