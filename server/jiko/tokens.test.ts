import { exportPKCS8 } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "@/sandbox/server";
import {
  authorizeWithPassword,
  exchangeCode,
  registerTestClient,
  type TestClient,
} from "@/sandbox/testing/oauth-client";
import { readTokens, sealed } from "../auth/token-store";
import { type DbHandle, openDb } from "../db/client";
import { migrateDb } from "../db/migrate";
import { accounts, sessions, users } from "../db/schema";
import { accessTokenFor } from "./tokens";

let sandbox: Sandbox;
let client: TestClient;
let handle: DbHandle;
let email: string;

async function apiUser(token: string) {
  return fetch(`${sandbox.apiUrl}/api/v1/user/`, { headers: { authorization: `Bearer ${token}` } });
}

/** Signs a person in at the portal and stores their tokens the way the app does, already expired. */
async function storeExpiredSession(userId: string) {
  const { code, codeVerifier } = await authorizeWithPassword({
    portalUrl: sandbox.portalUrl,
    client,
    email,
    password: "jiko-sandbox",
  });
  const tokens = await exchangeCode({ portalUrl: sandbox.portalUrl, client, code, codeVerifier });
  await handle.db
    .insert(users)
    .values({ id: userId, name: "Test", email: `${userId}@example.test` });
  await handle.db.insert(accounts).values({
    userId,
    type: "oidc",
    provider: "jiko",
    providerAccountId: `sub-${userId}`,
    access_token: sealed(tokens.access_token),
    refresh_token: sealed(tokens.refresh_token),
    expires_at: Math.floor(Date.now() / 1000) - 10,
    scope: tokens.scope ?? client.scope,
  });
  await handle.db
    .insert(sessions)
    .values({ sessionToken: `s-${userId}`, userId, expires: new Date(Date.now() + 3_600_000) });
  return tokens;
}

beforeAll(async () => {
  // The database first: its set-up blocks the event loop, best done before any connection is open.
  handle = openDb({ dataDir: "memory://" });
  await migrateDb(handle);
  sandbox = await startSandbox({ apiPort: 0, portalPort: 0 });
  client = await registerTestClient(sandbox.portalUrl);
  const people = (await (await fetch(`${sandbox.apiUrl}/_sandbox/people`)).json()) as {
    items: { email: string; status: string }[];
  };
  email = people.items.find((p) => p.status === "ACTIVE")!.email;
  Object.assign(process.env, {
    JIKO_API_URL: sandbox.apiUrl,
    JIKO_ISSUER: sandbox.portalUrl,
    JIKO_CLIENT_ID: client.clientId,
    JIKO_CLIENT_KEY_ID: client.kid,
    JIKO_CLIENT_PRIVATE_KEY: await exportPKCS8(client.privateKey),
    AUTH_SECRET: "test-secret-test-secret-test-secret-42",
    JIKO_REFRESH_SKEW_SECONDS: "60",
  });
});

afterAll(async () => {
  await handle?.close();
  await sandbox?.close();
});

describe("access tokens", () => {
  it("refreshes once for concurrent requests and stores the rotated pair", async () => {
    const first = await storeExpiredSession("user-concurrent");
    const results = await Promise.all(
      Array.from({ length: 5 }, () => accessTokenFor(handle.db, "user-concurrent")),
    );
    const tokens = new Set(results.map((r) => r.accessToken));
    expect(tokens.size).toBe(1);
    const [fresh] = results;
    expect(fresh!.accessToken).not.toBe(first.access_token);

    const stored = await readTokens(handle.db, "user-concurrent");
    expect(stored!.accessToken).toBe(fresh!.accessToken);
    expect(stored!.refreshToken).not.toBe(first.refresh_token);
    expect(stored!.expiresAt).toBeGreaterThan(Date.now() / 1000 + 60);

    // Had two refreshes raced with one refresh token, Jiko would have revoked the grant.
    expect((await apiUser(fresh!.accessToken)).status).toBe(200);
    const again = await accessTokenFor(handle.db, "user-concurrent", { force: true });
    expect((await apiUser(again.accessToken)).status).toBe(200);
  });

  it("returns the stored token while it is fresh, without calling Jiko", async () => {
    const a = await accessTokenFor(handle.db, "user-concurrent");
    const b = await accessTokenFor(handle.db, "user-concurrent");
    expect(b.accessToken).toBe(a.accessToken);
  });

  it("reports reauth-required when Jiko refuses the refresh", async () => {
    await storeExpiredSession("user-revoked");
    const res = await fetch(`${sandbox.apiUrl}/_sandbox/revoke-grants`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email }),
    });
    expect(res.ok).toBe(true);
    await expect(accessTokenFor(handle.db, "user-revoked")).rejects.toMatchObject({
      code: "reauth-required",
    });
  });
});
