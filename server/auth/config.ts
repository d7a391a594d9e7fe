import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq } from "drizzle-orm";
import type { Account, NextAuthConfig } from "next-auth";
import type { Adapter, AdapterAccount } from "next-auth/adapters";
import { db } from "../db";
import { accounts, sessions, users, verificationTokens } from "../db/schema";
import { authSecrets, env } from "../env";
import { log } from "../log";
import { clientKey } from "./client-key";
import { sessionCookie } from "./cookie";
import { revokeRefreshToken } from "./end";
import { jikoProvider } from "./jiko-provider";
import { noteCreatedSession, signingInto } from "./sign-in-context";
import { bindTokens } from "./token-store";

/**
 * Auth.js's adapter, minus Jiko's tokens: those belong to a session, not to the person
 * (server/auth/token-store.ts), so the account row keeps only who the person is at Jiko.
 */
function sessionBoundAdapter(): Adapter {
  const base = DrizzleAdapter(db(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    ...base,
    linkAccount: ({ access_token, refresh_token, id_token, ...account }: AdapterAccount) =>
      base.linkAccount!(account),
    createSession: async (session) => {
      const created = await base.createSession!(session);
      noteCreatedSession(session.sessionToken);
      return created;
    },
  };
}

/** Binds a sign-in's tokens to its session; the grant they replace is revoked at Jiko. */
async function bindSignIn(userId: string, account: Account | null | undefined) {
  const sessionToken = signingInto();
  if (!account?.access_token || !sessionToken) {
    log.error("a sign-in completed without tokens or a session to bind them to");
    return;
  }
  const database = db();
  const [owner] = await database
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.sessionToken, sessionToken), eq(sessions.userId, userId)));
  if (!owner) throw new Error("The signed-in session does not belong to this person");
  const replaced = await bindTokens(
    database,
    { sessionToken, userId },
    {
      access_token: account.access_token,
      refresh_token: account.refresh_token,
      expires_at: account.expires_at ?? Math.floor(Date.now() / 1000) + 900,
      scope: account.scope,
    },
  );
  if (replaced) await revokeRefreshToken(replaced, "replaced");
}

export async function authConfig(): Promise<NextAuthConfig> {
  const e = env();
  const cookie = sessionCookie(e.APP_URL);
  return {
    adapter: sessionBoundAdapter(),
    providers: [jikoProvider(await clientKey())],
    secret: authSecrets(e),
    trustHost: true,
    // Database sessions: the cookie is an opaque id. Idle and absolute lifetimes are enforced by
    // server/auth/session.ts on every request; the cookie slides in proxy.ts.
    session: { strategy: "database", maxAge: e.SESSION_IDLE_MINUTES * 60, updateAge: 60 },
    cookies: { sessionToken: { name: cookie.name, options: cookie.options } },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      // What `/api/auth/session` shows the browser: never the session's id (the cookie is
      // HttpOnly for a reason) nor any token; only who is signed in and until when.
      session({ session, user }) {
        return {
          user: { name: user.name, email: user.email },
          expires: session.expires,
        } as typeof session;
      },
    },
    events: {
      async signIn({ user, account }) {
        if (user.id) await bindSignIn(user.id, account);
      },
    },
  };
}
