import "server-only";
import { clientKey } from "../auth/client-key";
import { readTokens, type TokenSet, writeTokens } from "../auth/token-store";
import type { Db } from "../db/client";
import { env } from "../env";
import { JikoError } from "./errors";
import { refreshAtJiko } from "./refresh";

/** Refreshes in flight, one per person: concurrent requests in this process share one. */
const inflight = new Map<string, Promise<TokenSet>>();

const nowSeconds = () => Math.floor(Date.now() / 1000);

function fresh(tokens: TokenSet, skewSeconds: number): boolean {
  return tokens.expiresAt - nowSeconds() > skewSeconds;
}

/**
 * A usable access token for a person: the stored one while it has more than the skew left, else a
 * refreshed one. Refresh runs once per person at a time — in this process through `inflight`,
 * across processes (several app instances on PostgreSQL) through a row lock — and the rotated
 * pair is stored before anyone uses it.
 */
export async function accessTokenFor(
  database: Db,
  userId: string,
  opts: { force?: boolean } = {},
): Promise<TokenSet> {
  const skew = env().JIKO_REFRESH_SKEW_SECONDS;
  const current = await readTokens(database, userId);
  if (!current) throw new JikoError("reauth-required", 401, "No Jiko session for this person");
  if (!opts.force && fresh(current, skew)) return current;

  let pending = inflight.get(userId);
  if (!pending) {
    pending = refreshLocked(database, userId, current.accessToken, skew).finally(() =>
      inflight.delete(userId),
    );
    inflight.set(userId, pending);
  }
  return pending;
}

async function refreshLocked(
  database: Db,
  userId: string,
  staleAccessToken: string,
  skew: number,
): Promise<TokenSet> {
  const e = env();
  return database.transaction(async (tx) => {
    const locked = await readTokens(tx, userId, true);
    if (!locked?.refreshToken)
      throw new JikoError("reauth-required", 401, "No refresh token for this person");
    // Another instance refreshed while we waited for the lock: use its tokens.
    if (locked.accessToken !== staleAccessToken && fresh(locked, Math.min(skew, 5))) return locked;
    const next = await refreshAtJiko({
      issuer: e.JIKO_ISSUER,
      clientId: e.JIKO_CLIENT_ID,
      key: await clientKey(),
      refreshToken: locked.refreshToken,
    });
    await writeTokens(
      tx,
      { userId },
      {
        ...next,
        refresh_token: next.refresh_token ?? locked.refreshToken,
        scope: next.scope ?? locked.scope,
      },
    );
    return {
      accessToken: next.access_token,
      refreshToken: next.refresh_token ?? locked.refreshToken,
      expiresAt: next.expires_at,
      scope: next.scope ?? locked.scope,
    };
  });
}
