import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Customer } from "../../lib/jiko/customer";
import { RATE_LIMIT_HEADERS } from "../../lib/jiko/rate-limits";
import { TeamResponse } from "../../lib/jiko/team";
import { MembershipList, UserInfo } from "../../lib/jiko/user";
import { members } from "../db/schema";
import { SEED } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import {
  passwordTokens,
  registerTestClient,
  type TestClient,
  tokenRequest,
} from "../testing/oauth-client";

const PASSWORD = "jiko-sandbox";

let sb: Sandbox;
let client: TestClient;
beforeAll(async () => {
  // The customer group is lowered so the limit is reachable; every other group keeps Jiko's.
  sb = await startSandbox({ apiPort: 0, portalPort: 0, rateLimits: { customer: 3 } });
  client = await registerTestClient(sb.portalUrl);
}, 60_000);
afterAll(() => sb?.close());

const tokensFor = (email: string, o: { teamId?: string; c?: TestClient } = {}) =>
  passwordTokens({
    portalUrl: sb.portalUrl,
    client: o.c ?? client,
    email,
    password: PASSWORD,
    teamId: o.teamId,
  });

const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${sb.apiUrl}${path}`, {
    redirect: "manual",
    headers: { ...(token && { authorization: `Bearer ${token}` }), ...headers },
  });

describe("User", () => {
  it("GET /api/v1/user/ names the person, role and team of the token", async () => {
    const { access_token } = await tokensFor("avery.chen@harborline.example");
    const res = await get("/api/v1/user/", access_token);
    expect(res.status).toBe(200);
    const user = UserInfo.parse(await res.json());
    expect(user).toMatchObject({
      name: "Avery Chen",
      email: "avery.chen@harborline.example",
      role: "ADMIN",
      team_id: SEED.teams.us,
      team_name: "Harborline Treasury",
      customer_id: SEED.customers.us,
    });
  });

  it("team_id selects Jordan Patel's second team, where Jordan is ADMIN", async () => {
    const eu = await tokensFor("jordan.patel@harborline.example", { teamId: SEED.teams.eu });
    const user = UserInfo.parse(await (await get("/api/v1/user/", eu.access_token)).json());
    expect(user).toMatchObject({
      team_id: SEED.teams.eu,
      role: "ADMIN",
      team_name: "Harborline Europe",
    });

    const us = await tokensFor("jordan.patel@harborline.example", { teamId: SEED.teams.us });
    const userUs = UserInfo.parse(await (await get("/api/v1/user/", us.access_token)).json());
    expect(userUs).toMatchObject({ team_id: SEED.teams.us, role: "REVIEWER" });

    // A refreshed token keeps its grant's team.
    const refreshed = await tokenRequest(sb.portalUrl, client, {
      grant_type: "refresh_token",
      refresh_token: eu.refresh_token!,
    });
    const again = await get("/api/v1/user/", refreshed.body.access_token as string);
    expect((await again.json()).team_id).toBe(SEED.teams.eu);

    const list = MembershipList.parse(
      await (await get("/api/v1/user/memberships/", eu.access_token)).json(),
    );
    expect(list.count).toBe(2);
    expect(list.items.map((m) => [m.team_name, m.role, m.status]).sort()).toEqual([
      ["Harborline Europe", "ADMIN", "ACTIVE"],
      ["Harborline Treasury", "REVIEWER", "ACTIVE"],
    ]);
  });
});

describe("Team and Customer", () => {
  it("GET /api/v1/team/ groups the members by status", async () => {
    const { access_token } = await tokensFor("morgan.lee@harborline.example");
    const team = TeamResponse.parse(await (await get("/api/v1/team/", access_token)).json());
    expect(team.team_id).toBe(SEED.teams.us);
    const groups = Object.fromEntries(
      team.member_groups.map((g) => [
        g.status,
        g.members.map((m) => `${m.first_name} ${m.last_name}:${m.role}`),
      ]),
    );
    expect(groups).toEqual({
      ACTIVE: [
        "Avery Chen:ADMIN",
        "Jordan Patel:REVIEWER",
        "Sam Rivera:INITIATOR",
        "Morgan Lee:READ_ONLY",
      ],
      PENDING: ["Taylor Brooks:INITIATOR"],
      DEACTIVATED: ["Casey Nguyen:READ_ONLY"],
    });
    const taylor = team.member_groups[1]!.members[0]!;
    expect(taylor.user_id).toBeNull();
  });

  it("GET /api/v1/customer/ is the token team's customer", async () => {
    const c = await registerTestClient(sb.portalUrl);
    const us = await tokensFor("sam.rivera@harborline.example", { c });
    const customer = Customer.parse(await (await get("/api/v1/customer/", us.access_token)).json());
    expect(customer).toMatchObject({
      type: "BUSINESS",
      name: "Harborline Logistics, Inc.",
      account_status: "OPEN",
      identification_number: { type: "EIN", issuing_country: "US" },
      address: { country: "US" },
    });
    const eu = await tokensFor("lena.devries@harborline.example", { c });
    const euCustomer = Customer.parse(
      await (await get("/api/v1/customer/", eu.access_token)).json(),
    );
    expect(euCustomer).toMatchObject({
      name: "Harborline Europe B.V.",
      identification_number: { type: "NON_US_BUSINESS_ID", issuing_country: "NL" },
    });
  });
});

describe("authentication and scopes", () => {
  it("answers 401 with FastAPI's body and WWW-Authenticate for a missing or unknown token", async () => {
    for (const token of [undefined, "not-a-real-token"]) {
      const res = await get("/api/v1/user/", token);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe("Bearer");
      expect(await res.json()).toStrictEqual({ detail: "Not authenticated" });
    }
  });

  it("refuses an endpoint whose scope the token lacks with 403", async () => {
    const narrow = await registerTestClient(sb.portalUrl, { scope: "openid profile" });
    const { access_token } = await tokensFor("avery.chen@harborline.example", { c: narrow });
    expect((await get("/api/v1/user/", access_token)).status).toBe(200);
    const res = await get("/api/v1/team/", access_token);
    expect(res.status).toBe(403);
    expect(await res.json()).toStrictEqual({
      detail: "The access token does not carry the scope team.read.",
    });
  });

  it("refuses a member who is no longer ACTIVE in the token's team", async () => {
    const { access_token, refresh_token } = await tokensFor("morgan.lee@harborline.example");
    expect((await get("/api/v1/user/", access_token)).status).toBe(200);
    const morgan = and(
      eq(members.teamId, SEED.teams.us),
      eq(members.email, "morgan.lee@harborline.example"),
    );
    await sb.db.update(members).set({ status: "DEACTIVATED" }).where(morgan);
    try {
      const res = await get("/api/v1/user/", access_token);
      expect(res.status).toBe(401);
      expect(await res.json()).toStrictEqual({ detail: "Not authenticated" });
      const refreshed = await tokenRequest(sb.portalUrl, client, {
        grant_type: "refresh_token",
        refresh_token: refresh_token!,
      });
      expect(refreshed.body.error).toBe("invalid_grant");
    } finally {
      await sb.db.update(members).set({ status: "ACTIVE" }).where(morgan);
    }
  });
});

describe("HTTP conventions", () => {
  it("404 for unknown paths, 405 for wrong methods, 307 to the trailing slash", async () => {
    const missing = await get("/api/v1/nothing-here/");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toStrictEqual({ detail: "Not Found" });

    const wrong = await fetch(`${sb.apiUrl}/api/v1/user/`, { method: "POST" });
    expect(wrong.status).toBe(405);
    expect(await wrong.json()).toStrictEqual({ detail: "Method Not Allowed" });

    const noSlash = await get("/api/v1/team");
    expect(noSlash.status).toBe(307);
    expect(noSlash.headers.get("location")).toBe(`${sb.apiUrl}/api/v1/team/`);
  });

  it("echoes X-Request-Id, or mints one", async () => {
    const echoed = await get("/api/v1/user/", undefined, { "x-request-id": "req-123" });
    expect(echoed.headers.get("x-request-id")).toBe("req-123");
    const minted = await get("/api/v1/user/");
    expect(minted.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends the rate-limit headers on every response", async () => {
    const { access_token } = await tokensFor("avery.chen@harborline.example");
    for (const res of [
      await get("/api/v1/user/", access_token),
      await get("/api/v1/user/"),
      await get("/api/v1/nothing-here/", access_token),
    ]) {
      expect(res.headers.get(RATE_LIMIT_HEADERS.limit)).toMatch(/^\d+$/);
      expect(res.headers.get(RATE_LIMIT_HEADERS.remaining)).toMatch(/^\d+$/);
      expect(Number(res.headers.get(RATE_LIMIT_HEADERS.reset))).toBeGreaterThan(Date.now() / 1000);
    }
  });
});

/** Windows are fixed clock minutes: keep a short test from straddling two of them. */
async function awayFromWindowEdge() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5_000) await new Promise((r) => setTimeout(r, left + 50));
}

describe("rate limits", () => {
  it("answer 429 with Retry-After past the group's limit, per client + user", async () => {
    const c = await registerTestClient(sb.portalUrl);
    const { access_token } = await tokensFor("avery.chen@harborline.example", { c });
    await awayFromWindowEdge();
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await get("/api/v1/customer/", access_token);
      expect(res.status).toBe(200);
      expect(res.headers.get(RATE_LIMIT_HEADERS.limit)).toBe("3");
      remaining.push(res.headers.get(RATE_LIMIT_HEADERS.remaining)!);
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const over = await get("/api/v1/customer/", access_token);
    expect(over.status).toBe(429);
    expect(await over.json()).toStrictEqual({ detail: "Rate limit exceeded" });
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(over.headers.get(RATE_LIMIT_HEADERS.remaining)).toBe("0");

    // Other groups and other people count separately.
    expect((await get("/api/v1/user/", access_token)).status).toBe(200);
    const other = await tokensFor("sam.rivera@harborline.example", { c });
    expect((await get("/api/v1/customer/", other.access_token)).status).toBe(200);
  });

  it("limit the portal's authentication endpoints per client IP", async () => {
    const portal = await startSandbox({
      apiPort: 0,
      portalPort: 0,
      rateLimits: { authentication: 2 },
    });
    try {
      await awayFromWindowEdge();
      const hit = () => fetch(`${portal.portalUrl}/api/oauth2/token`, { method: "POST" });
      const first = await hit();
      expect(first.headers.get(RATE_LIMIT_HEADERS.limit)).toBe("2");
      await hit();
      const over = await hit();
      expect(over.status).toBe(429);
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      // Discovery stays reachable.
      const discovery = await fetch(`${portal.portalUrl}/.well-known/openid-configuration`);
      expect(discovery.status).toBe(200);
    } finally {
      await portal.close();
    }
  }, 60_000);
});
