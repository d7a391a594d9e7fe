import "server-only";
import { and, eq } from "drizzle-orm";
import { decryptSecret, encryptSecret } from "../crypto";
import type { Db } from "../db/client";
import { accounts, sessions } from "../db/schema";
import { env } from "../env";
import { JIKO_PROVIDER_ID } from "./jiko-provider";

/** Jiko's tokens for one person, in clear, only in memory. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: number; // unix seconds
  scope: string;
}

type Tx = Pick<Db, "select" | "update">;

export const sealed = (value: string | null | undefined) =>
  value ? encryptSecret(value, env().AUTH_SECRET) : null;

export async function readTokens(
  db: Tx,
  userId: string,
  forUpdate = false,
): Promise<TokenSet | null> {
  const query = db
    .select()
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.provider, JIKO_PROVIDER_ID)));
  const [row] = await (forUpdate ? query.for("update") : query);
  if (!row?.access_token) return null;
  const secret = env().AUTH_SECRET;
  return {
    accessToken: decryptSecret(row.access_token, secret),
    refreshToken: row.refresh_token ? decryptSecret(row.refresh_token, secret) : null,
    expiresAt: row.expires_at ?? 0,
    scope: row.scope ?? "",
  };
}

export async function writeTokens(
  db: Tx,
  where: { userId: string } | { providerAccountId: string },
  tokens: {
    access_token?: string;
    refresh_token?: string;
    expires_at?: number;
    scope?: string;
    id_token?: string;
  },
): Promise<void> {
  const match =
    "userId" in where
      ? eq(accounts.userId, where.userId)
      : eq(accounts.providerAccountId, where.providerAccountId);
  await db
    .update(accounts)
    .set({
      access_token: sealed(tokens.access_token),
      refresh_token: sealed(tokens.refresh_token),
      id_token: sealed(tokens.id_token),
      expires_at: tokens.expires_at ?? null,
      ...(tokens.scope ? { scope: tokens.scope } : {}),
    })
    .where(and(match, eq(accounts.provider, JIKO_PROVIDER_ID)));
}

/** Ends every session of a person and forgets their tokens: the next page load goes to sign-in. */
export async function endSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await db
    .update(accounts)
    .set({ access_token: null, refresh_token: null, id_token: null, expires_at: null })
    .where(eq(accounts.userId, userId));
}
