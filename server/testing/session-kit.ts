/**
 * Integration-test kit for sessions: an in-memory dashboard database, the embedded sandbox with a
 * registered client, the env the server modules read, and sessions signed in through the real
 * portal (password, code) with their tokens stored the way the app stores them.
 */
import { exportPKCS8 } from "jose";
import { type Sandbox, startSandbox } from "@/sandbox/server";
import {
  authorizeWithPassword,
  exchangeCode,
  registerTestClient,
  type TestClient,
} from "@/sandbox/testing/oauth-client";
import { bindTokens } from "../auth/token-store";
import { type DbHandle, openDb } from "../db/client";
import { migrateDb } from "../db/migrate";
import { sessions, users } from "../db/schema";

export const TEST_SECRET = "test-secret-test-secret-test-secret-42";

export interface SessionKit {
  sandbox: Sandbox;
  client: TestClient;
  handle: DbHandle;
  email: string;
  /** A signed-in session whose stored access token is already expired (or fresh). */
  signedIn(
    id: string,
    opts?: { expired?: boolean; createdAt?: Date; expires?: Date },
  ): Promise<{
    sessionToken: string;
    userId: string;
    refreshToken: string;
  }>;
  /** The user endpoint's status with an access token. */
  apiStatus(accessToken: string): Promise<number>;
  close(): Promise<void>;
}

export async function startSessionKit(env: Record<string, string> = {}): Promise<SessionKit> {
  // The database first: its set-up blocks the event loop, best done before any connection is open.
  const handle = openDb({ dataDir: "memory://" });
  await migrateDb(handle);
  const sandbox = await startSandbox({ apiPort: 0, portalPort: 0 });
  const client = await registerTestClient(sandbox.portalUrl);
  const people = (await (await fetch(`${sandbox.apiUrl}/_sandbox/people`)).json()) as {
    items: { email: string; status: string; teams: unknown[] }[];
  };
  const email = people.items.find((p) => p.status === "ACTIVE" && p.teams.length === 1)!.email;
  Object.assign(process.env, {
    JIKO_API_URL: sandbox.apiUrl,
    JIKO_ISSUER: sandbox.portalUrl,
    JIKO_CLIENT_ID: client.clientId,
    JIKO_CLIENT_KEY_ID: client.kid,
    JIKO_CLIENT_PRIVATE_KEY: await exportPKCS8(client.privateKey),
    AUTH_SECRET: TEST_SECRET,
    JIKO_REFRESH_SKEW_SECONDS: "60",
    ...env,
  });

  return {
    sandbox,
    client,
    handle,
    email,
    async signedIn(id, opts = {}) {
      const { code, codeVerifier } = await authorizeWithPassword({
        portalUrl: sandbox.portalUrl,
        client,
        email,
        password: "jiko-sandbox",
      });
      const tokens = await exchangeCode({
        portalUrl: sandbox.portalUrl,
        client,
        code,
        codeVerifier,
      });
      const userId = `user-${id}`;
      const sessionToken = `session-${id}`;
      await handle.db
        .insert(users)
        .values({ id: userId, name: "Test", email: `${id}@example.test` })
        .onConflictDoNothing();
      await handle.db.insert(sessions).values({
        sessionToken,
        userId,
        expires: opts.expires ?? new Date(Date.now() + 3_600_000),
        ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
      });
      const now = Math.floor(Date.now() / 1000);
      await bindTokens(
        handle.db,
        { sessionToken, userId },
        {
          access_token: tokens.access_token,
          refresh_token: tokens.refresh_token,
          expires_at: opts.expired === false ? now + tokens.expires_in : now - 10,
          scope: tokens.scope ?? client.scope,
        },
      );
      return { sessionToken, userId, refreshToken: tokens.refresh_token! };
    },
    async apiStatus(accessToken) {
      const res = await fetch(`${sandbox.apiUrl}/api/v1/user/`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      return res.status;
    },
    async close() {
      await handle.close();
      await sandbox.close();
    },
  };
}
