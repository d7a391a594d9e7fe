import "server-only";
import { eq } from "drizzle-orm";
import { decryptSecret, encryptSecret } from "../crypto";
import type { Db } from "../db/client";
import { sessionGrants } from "../db/schema";
import { authSecrets, env } from "../env";
import { forgetSession } from "./session-memo";

/** Jiko's tokens for one session, in clear, only in memory. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: number; // unix seconds
  scope: string;
}

/** Tokens as the token endpoint answers them (Auth.js's account, a refresh). */
export interface IssuedTokens {
  access_token: string;
  refresh_token?: string | null;
  expires_at: number;
  scope?: string | null;
}

type Reader = Pick<Db, "select">;

export const seal = (value: string) => encryptSecret(value, authSecrets(env()));
export const unseal = (value: string) => decryptSecret(value, authSecrets(env()));

export type GrantRow = typeof sessionGrants.$inferSelect;

/** Opens a stored row. Throws UnreadableSecretError when the secret that sealed it is gone. */
export function openGrant(row: GrantRow): TokenSet {
  return {
    accessToken: unseal(row.accessToken),
    refreshToken: row.refreshToken ? unseal(row.refreshToken) : null,
    expiresAt: row.expiresAt,
    scope: row.scope,
  };
}

export async function readGrantRow(db: Reader, sessionToken: string): Promise<GrantRow | null> {
  const [row] = await db
    .select()
    .from(sessionGrants)
    .where(eq(sessionGrants.sessionToken, sessionToken));
  return row ?? null;
}

export async function readTokens(db: Reader, sessionToken: string): Promise<TokenSet | null> {
  const row = await readGrantRow(db, sessionToken);
  return row ? openGrant(row) : null;
}

const sealedColumns = (tokens: IssuedTokens) => ({
  accessToken: seal(tokens.access_token),
  refreshToken: tokens.refresh_token ? seal(tokens.refresh_token) : null,
  expiresAt: tokens.expires_at,
  scope: tokens.scope ?? "",
  updatedAt: new Date(),
});

/**
 * Binds fresh tokens to a session (a sign-in, or a team switch in that session). Answers the
 * refresh token they replace, if any, for the caller to revoke at Jiko once this is stored.
 */
export async function bindTokens(
  db: Db,
  where: { sessionToken: string; userId: string },
  tokens: IssuedTokens,
): Promise<string | null> {
  forgetSession(db, where.sessionToken);
  const previous = await readGrantRow(db, where.sessionToken);
  const columns = { ...sealedColumns(tokens), leaseHolder: null, leaseUntil: null };
  await db
    .insert(sessionGrants)
    .values({ ...where, ...columns })
    .onConflictDoUpdate({
      target: sessionGrants.sessionToken,
      set: { ...columns, userId: where.userId },
    });
  if (!previous?.refreshToken) return null;
  try {
    return unseal(previous.refreshToken);
  } catch {
    return null; // sealed under a secret no longer configured: nothing to revoke with
  }
}

/**
 * Stores a refreshed pair and frees the lease. Unconditional: once Jiko rotated the refresh token,
 * the new pair is the only one that works, even if our lease ran out meanwhile.
 */
export async function storeRefreshed(
  db: Db,
  sessionToken: string,
  tokens: IssuedTokens,
): Promise<void> {
  forgetSession(db, sessionToken);
  await db
    .update(sessionGrants)
    .set({ ...sealedColumns(tokens), leaseHolder: null, leaseUntil: null })
    .where(eq(sessionGrants.sessionToken, sessionToken));
}
