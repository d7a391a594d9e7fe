import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { NextAuthConfig } from "next-auth";
import type { Adapter, AdapterAccount } from "next-auth/adapters";
import { db } from "../db";
import { accounts, sessions, users, verificationTokens } from "../db/schema";
import { env } from "../env";
import { clientKey } from "./client-key";
import { jikoProvider } from "./jiko-provider";
import { sealed, writeTokens } from "./token-store";

/** Auth.js's adapter, storing Jiko's tokens encrypted: they never touch the database in clear. */
function encryptingAdapter(): Adapter {
  const base = DrizzleAdapter(db(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    ...base,
    linkAccount: (account: AdapterAccount) =>
      base.linkAccount!({
        ...account,
        access_token: sealed(account.access_token) ?? undefined,
        refresh_token: sealed(account.refresh_token) ?? undefined,
        id_token: sealed(account.id_token) ?? undefined,
      }),
  };
}

export async function authConfig(): Promise<NextAuthConfig> {
  const e = env();
  return {
    adapter: encryptingAdapter(),
    providers: [jikoProvider(await clientKey())],
    secret: e.AUTH_SECRET,
    trustHost: true,
    // Database sessions: the cookie is an opaque id; an idle session ends after SESSION_IDLE_MINUTES.
    session: { strategy: "database", maxAge: e.SESSION_IDLE_MINUTES * 60, updateAge: 5 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
    events: {
      // Auth.js keeps the first token set on a repeat sign-in; store the new one (a new team too).
      async signIn({ account }) {
        if (!account?.access_token) return;
        await writeTokens(
          db(),
          { providerAccountId: account.providerAccountId },
          {
            access_token: account.access_token,
            refresh_token: account.refresh_token,
            expires_at: account.expires_at,
            scope: account.scope,
            id_token: account.id_token,
          },
        );
      },
    },
  };
}
