import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { clientKey } from "../auth/client-key";
import {
  type GrantRow,
  openGrant,
  readGrantRow,
  storeRefreshed,
  type TokenSet,
} from "../auth/token-store";
import { UnreadableSecretError } from "../crypto";
import type { Db } from "../db/client";
import { sessionGrants } from "../db/schema";
import { env } from "../env";
import { processWide } from "../process-wide";
import { JikoError } from "./errors";
import { refreshAtJiko } from "./refresh";

/** Refreshes in flight, one per session: concurrent requests in this process share one. */
const inflight = processWide("tokens:refreshing", () => new Map<string, Promise<TokenSet>>());

/** How long a refresh may hold the lease; the call to Jiko is cut off before it runs out. */
export const LEASE_MS = 8_000;
/** How long a request waits for a refresh (its own or another instance's) before giving up. */
const WAIT_MS = 10_000;
const POLL_MS = 150;

const nowSeconds = () => Math.floor(Date.now() / 1000);
const fresh = (tokens: TokenSet, skewSeconds: number) =>
  tokens.expiresAt - nowSeconds() > skewSeconds;

/** Whether tokens read earlier may still be used as they are, without a refresh. */
export const stillFresh = (tokens: TokenSet) => fresh(tokens, env().JIKO_REFRESH_SKEW_SECONDS);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RefreshDeps {
  refresh: typeof refreshAtJiko;
  leaseMs: number;
  waitMs: number;
}

/**
 * A usable access token for a session: the stored one while it has more than the skew left, else
 * a refreshed one. Jiko rotates refresh tokens and revokes the whole grant when a used one comes
 * back, so a session refreshes once at a time: in this process through `inflight`, across
 * instances through a lease on the row (set in one statement, expiring by itself). No database
 * transaction is ever open while Jiko is called, so a stalled portal blocks nobody else.
 */
export async function accessTokenFor(
  database: Db,
  sessionToken: string,
  opts: { force?: boolean; deps?: Partial<RefreshDeps> } = {},
): Promise<TokenSet> {
  const skew = env().JIKO_REFRESH_SKEW_SECONDS;
  const row = await readGrantRow(database, sessionToken);
  if (!row) throw new JikoError("reauth-required", 401, "No Jiko session for this sign-in");
  const current = readable(row);
  if (!opts.force && fresh(current, skew)) return current;

  let pending = inflight.get(sessionToken);
  if (!pending) {
    const deps: RefreshDeps = {
      refresh: refreshAtJiko,
      leaseMs: LEASE_MS,
      waitMs: WAIT_MS,
      ...opts.deps,
    };
    pending = refreshUnderLease(database, sessionToken, current.accessToken, skew, deps).finally(
      () => inflight.delete(sessionToken),
    );
    inflight.set(sessionToken, pending);
  }
  return pending;
}

/** A stored row's tokens; sealed under a secret no longer configured, the session must end. */
function readable(row: GrantRow): TokenSet {
  try {
    return openGrant(row);
  } catch (cause) {
    if (!(cause instanceof UnreadableSecretError)) throw cause;
    throw new JikoError("reauth-required", 401, "Stored tokens cannot be decrypted", { cause });
  }
}

/** Takes the session's refresh lease if it is free or expired; true when this holder has it. */
async function takeLease(database: Db, sessionToken: string, holder: string, leaseMs: number) {
  const now = new Date();
  const taken = await database
    .update(sessionGrants)
    .set({ leaseHolder: holder, leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(
      and(
        eq(sessionGrants.sessionToken, sessionToken),
        or(isNull(sessionGrants.leaseUntil), lt(sessionGrants.leaseUntil, now)),
      ),
    )
    .returning({ holder: sessionGrants.leaseHolder });
  return taken.length === 1;
}

async function freeLease(database: Db, sessionToken: string, holder: string) {
  await database
    .update(sessionGrants)
    .set({ leaseHolder: null, leaseUntil: null })
    .where(
      and(eq(sessionGrants.sessionToken, sessionToken), eq(sessionGrants.leaseHolder, holder)),
    );
}

async function refreshUnderLease(
  database: Db,
  sessionToken: string,
  staleAccessToken: string,
  skew: number,
  deps: RefreshDeps,
): Promise<TokenSet> {
  const holder = randomUUID();
  const giveUpAt = Date.now() + deps.waitMs;
  for (;;) {
    if (await takeLease(database, sessionToken, holder, deps.leaseMs)) {
      return refreshHoldingLease(database, sessionToken, holder, staleAccessToken, skew, deps);
    }
    // Another instance is refreshing: wait for its tokens to land (or its lease to lapse).
    await sleep(POLL_MS);
    const row = await readGrantRow(database, sessionToken);
    if (!row) throw new JikoError("reauth-required", 401, "The session ended while refreshing");
    const seen = readable(row);
    if (seen.accessToken !== staleAccessToken && fresh(seen, Math.min(skew, 5))) return seen;
    if (Date.now() > giveUpAt) {
      throw new JikoError("unavailable", 0, "Jiko's sign-in service did not answer in time");
    }
  }
}

async function refreshHoldingLease(
  database: Db,
  sessionToken: string,
  holder: string,
  staleAccessToken: string,
  skew: number,
  deps: RefreshDeps,
): Promise<TokenSet> {
  let refreshed = false;
  try {
    const row = await readGrantRow(database, sessionToken);
    if (!row) throw new JikoError("reauth-required", 401, "The session ended while refreshing");
    const latest = readable(row);
    // Another instance refreshed between our read and our lease: use its tokens.
    if (latest.accessToken !== staleAccessToken && fresh(latest, Math.min(skew, 5))) return latest;
    if (!latest.refreshToken) {
      throw new JikoError("reauth-required", 401, "No refresh token for this session");
    }
    const e = env();
    const next = await deps.refresh({
      issuer: e.JIKO_ISSUER,
      clientId: e.JIKO_CLIENT_ID,
      key: await clientKey(),
      refreshToken: latest.refreshToken,
      // Cut off before the lease lapses, so nobody else can start while this call still counts.
      timeoutMs: Math.max(1_000, deps.leaseMs - 1_000),
    });
    const tokens: TokenSet = {
      accessToken: next.access_token,
      refreshToken: next.refresh_token ?? latest.refreshToken,
      expiresAt: next.expires_at,
      scope: next.scope ?? latest.scope,
    };
    await storeRefreshed(database, sessionToken, {
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      expires_at: tokens.expiresAt,
      scope: tokens.scope,
    });
    refreshed = true;
    return tokens;
  } finally {
    if (!refreshed) await freeLease(database, sessionToken, holder).catch(() => undefined);
  }
}
