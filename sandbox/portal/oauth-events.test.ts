import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberId, SEED } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import {
  authorizeWithPassword,
  clientAssertion,
  exchangeCode,
  refresh,
  registerTestClient,
  type TestClient,
  tokenRequest,
} from "../testing/oauth-client";

const PASSWORD = "jiko-sandbox";
const AVERY = "avery.chen@harborline.example";
const SAM = "sam.rivera@harborline.example";

interface OAuthEvent {
  id: string;
  type: string;
  at: string;
  client_id: string | null;
  grant_id: string | null;
  email: string | null;
  team_id: string | null;
  reason: string | null;
}

let sb: Sandbox;
let teamOf: Map<string, string>;
beforeAll(async () => {
  sb = await startSandbox({ apiPort: 0, portalPort: 0 });
  const people = (await (await fetch(`${sb.apiUrl}/_sandbox/people`)).json()) as {
    items: { email: string; teams: { team_id: string }[] }[];
  };
  teamOf = new Map(people.items.map((p) => [p.email, p.teams[0]!.team_id]));
}, 60_000);
afterAll(() => sb?.close());

async function events(query: Record<string, string> = {}): Promise<OAuthEvent[]> {
  const res = await fetch(`${sb.apiUrl}/_sandbox/oauth-events?${new URLSearchParams(query)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: OAuthEvent[] }).items;
}

/** A client of its own per test, so each test reads only the events it caused. */
async function signedIn(email = AVERY) {
  const client = await registerTestClient(sb.portalUrl);
  const auth = await authorizeWithPassword({
    portalUrl: sb.portalUrl,
    client,
    email,
    password: PASSWORD,
  });
  const tokens = await exchangeCode({ portalUrl: sb.portalUrl, client, ...auth });
  const ofClient = async (query: Record<string, string> = {}) =>
    (await events(query)).filter((e) => e.client_id === client.clientId);
  return { client, tokens, ofClient };
}

async function logout(client: TestClient, token: string) {
  const endpoint = `${sb.portalUrl}/api/oauth2/logout`;
  return fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      token,
      token_type_hint: "refresh_token",
      client_id: client.clientId,
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: await clientAssertion(client, endpoint),
    }),
  });
}

describe("GET /_sandbox/oauth-events", () => {
  it("records a code exchange with the person, the grant and the team it acts for", async () => {
    const before = Date.now();
    const { ofClient } = await signedIn();
    const [exchange, ...rest] = await ofClient();
    expect(rest).toEqual([]);
    expect(exchange).toMatchObject({
      type: "token.authorization_code",
      email: AVERY,
      team_id: teamOf.get(AVERY),
      grant_id: expect.any(String),
      reason: null,
    });
    expect(exchange!.at).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    );
    expect(Date.parse(exchange!.at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it("records each successful refresh of the same grant, newest first", async () => {
    const { client, tokens, ofClient } = await signedIn();
    const second = await refresh({
      portalUrl: sb.portalUrl,
      client,
      refreshToken: tokens.refresh_token!,
    });
    await refresh({ portalUrl: sb.portalUrl, client, refreshToken: second.refresh_token! });
    const all = await ofClient();
    expect(all.map((e) => e.type)).toEqual([
      "token.refresh",
      "token.refresh",
      "token.authorization_code",
    ]);
    expect(new Set(all.map((e) => e.grant_id)).size).toBe(1);
    expect(all.every((e) => e.email === AVERY)).toBe(true);
  });

  it("records a token revoked at /api/oauth2/logout and the grant it ended", async () => {
    const { client, tokens, ofClient } = await signedIn(SAM);
    expect((await logout(client, tokens.refresh_token!)).status).toBe(200);
    const [grant, token] = await ofClient();
    expect(token).toMatchObject({ type: "token.revoked", email: SAM, team_id: teamOf.get(SAM) });
    expect(grant).toMatchObject({
      type: "grant.revoked",
      reason: "client_revocation",
      email: SAM,
      grant_id: token!.grant_id,
    });
  });

  it("records a reused rotated refresh token as a refused refresh that ends the grant", async () => {
    const { client, tokens, ofClient } = await signedIn();
    await refresh({ portalUrl: sb.portalUrl, client, refreshToken: tokens.refresh_token! });
    const reuse = await tokenRequest(sb.portalUrl, client, {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token!,
    });
    expect(reuse.body.error).toBe("invalid_grant");

    const failed = await ofClient({ type: "token.refresh_failed", email: AVERY });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ email: AVERY, team_id: teamOf.get(AVERY) });
    const revoked = await ofClient({ type: "grant.revoked" });
    expect(revoked).toEqual([
      expect.objectContaining({
        reason: "refresh_token_reuse",
        email: AVERY,
        grant_id: failed[0]!.grant_id,
      }),
    ]);
    // Only the first refresh succeeded.
    expect(await ofClient({ type: "token.refresh" })).toHaveLength(1);
  });

  it("records grants ended by POST /_sandbox/revoke-grants", async () => {
    const morgan = "morgan.lee@harborline.example";
    const { ofClient } = await signedIn(morgan);
    const res = await fetch(`${sb.apiUrl}/_sandbox/revoke-grants`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: morgan }),
    });
    expect(res.status).toBe(200);
    expect(await ofClient({ type: "grant.revoked" })).toEqual([
      expect.objectContaining({ email: morgan, reason: "sandbox_revoke_grants" }),
    ]);
  });

  it("filters by email and type, and refuses an unknown type with a 422", async () => {
    await signedIn(SAM);
    const sams = await events({ email: SAM });
    expect(sams.length).toBeGreaterThan(0);
    expect(sams.every((e) => e.email === SAM)).toBe(true);
    const exchanges = await events({ type: "token.authorization_code" });
    expect(exchanges.every((e) => e.type === "token.authorization_code")).toBe(true);
    const bad = await fetch(`${sb.apiUrl}/_sandbox/oauth-events?type=token.minted`);
    expect(bad.status).toBe(422);
    expect((await bad.json()).detail[0].loc).toEqual(["query", "type"]);
  });

  // Last: it deactivates a seeded member.
  it("records the grants a member's deactivation ends", async () => {
    const morgan = SEED.people.morgan.email;
    const { ofClient } = await signedIn(morgan);
    const admin = await signedIn(AVERY);
    const res = await fetch(`${sb.apiUrl}/api/v1/team/${memberId(SEED.teams.us, morgan)}/`, {
      method: "PUT",
      headers: {
        authorization: `Bearer ${admin.tokens.access_token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ status: "DEACTIVATED" }),
    });
    expect(res.status).toBe(200);
    expect(await ofClient({ type: "grant.revoked" })).toEqual([
      expect.objectContaining({ email: morgan, reason: "member_deactivated" }),
    ]);
  });
});
