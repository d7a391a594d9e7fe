import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("./env", () => ({
  env: () => ({ APP_URL: "http://localhost:3999", DATABASE_URL: undefined }),
}));
vi.mock("./db", () => {
  const database = {};
  return { db: () => database };
});
const ended: { sessionToken: string; reason: string }[] = [];
vi.mock("./auth/end", () => ({
  endSession: async (_db: unknown, sessionToken: string, reason: string) => {
    ended.push({ sessionToken, reason });
  },
}));

/** The signed-in session the request carries, and its grant's access token. */
const state = {
  sessionToken: "",
  accessToken: "",
  userCalls: 0,
  tokenReads: 0,
  customerId: "",
  role: "ADMIN",
};
vi.mock("./auth/session", () => ({
  sessionCookieValue: async () => state.sessionToken,
  // A route reads the cookie its request carries.
  sessionCookieFromRequest: (req: Request) =>
    /td\.session=([^;]+)/.exec(req.headers.get("cookie") ?? "")?.[1],
  currentSession: async () => ({ session: { sessionToken: state.sessionToken, userId: "u1" } }),
  sessionFor: async (sessionToken: string) => ({ session: { sessionToken, userId: "u1" } }),
}));
vi.mock("./jiko/tokens", () => ({
  accessTokenFor: async () => {
    state.tokenReads++;
    return {
      accessToken: state.accessToken,
      refreshToken: null,
      expiresAt: Math.floor(Date.now() / 1000) + 900,
      scope: "openid accounts:read transactions:read",
    };
  },
  stillFresh: () => true,
}));

const { JikoError } = await import("./jiko");
const refusal = { current: null as InstanceType<typeof JikoError> | null };
vi.mock("./jiko", async (original) => {
  const real = await original<typeof import("./jiko")>();
  return {
    ...real,
    // A person's Jiko: who they are (counted, the calls the cache must spare) and their data.
    jikoFor: () => ({
      user: async () => {
        state.userCalls++;
        return {
          name: "Avery Chen",
          email: "avery@example.com",
          role: state.role,
          team_id: randomUUID(),
          team_name: "Harborline",
          customer_id: state.customerId,
          member_id: randomUUID(),
        };
      },
      memberships: async () => ({ items: [] }),
      editMember: async () => ({}),
      transactions: async () => {
        if (refusal.current) throw refusal.current;
        return { items: [] };
      },
    }),
  };
});

const { getViewer } = await import("./viewer");
const { guarded } = await import("./api/guard");
const { publish } = await import("./live/bus");
const { ViewerCache, viewerCache } = await import("./viewer-cache");
const { forgetSession } = await import("./auth/session-memo");
const { db } = await import("./db");

function signIn(customerId = randomUUID()) {
  state.sessionToken = randomUUID();
  state.accessToken = randomUUID();
  state.customerId = customerId;
  state.userCalls = 0;
  state.tokenReads = 0;
  return { sessionToken: state.sessionToken, accessToken: state.accessToken, customerId };
}

/** The next request comes from an earlier session, with its own grant. */
function resume(session: ReturnType<typeof signIn>) {
  state.sessionToken = session.sessionToken;
  state.accessToken = session.accessToken;
  state.customerId = session.customerId;
  state.userCalls = 0;
}

const teamEvent = (customerId: string, eventType = "team.members.updated") => ({
  seq: 1,
  eventId: randomUUID(),
  customerId,
  eventType,
  occurredAt: new Date().toISOString(),
  payload: {},
});

beforeEach(() => {
  refusal.current = null;
  state.role = "ADMIN";
});

describe("the cached viewer", () => {
  it("answers a session's next requests without asking Jiko who the person is", async () => {
    signIn();
    const first = await getViewer();
    const second = await getViewer();
    const third = await getViewer();
    expect(state.userCalls).toBe(1);
    expect(second?.role).toBe(first?.role);
    expect(third?.capabilities).toEqual(first?.capabilities);
    // Nor the database for its session and tokens (server/auth/session-memo.ts).
    expect(state.tokenReads).toBe(1);
  });

  it("reads again once the session's grant is replaced (a team switch binds new tokens)", async () => {
    signIn();
    await getViewer();
    state.accessToken = randomUUID();
    // As binding the new tokens does (server/auth/token-store.ts).
    forgetSession(db(), state.sessionToken);
    await getViewer();
    expect(state.userCalls).toBe(2);
  });

  it.each([
    ["401", new JikoError("reauth-required", 401, "token revoked")],
    ["403", new JikoError("forbidden", 403, "not allowed")],
  ])("is dropped when Jiko answers %s during a request of the session", async (_, error) => {
    signIn();
    await getViewer();
    await getViewer();
    expect(state.userCalls).toBe(1);
    refusal.current = error;
    const route = guarded(null, async ({ viewer }) =>
      Response.json(await viewer.jiko.transactions({ limit: 100 })),
    );
    const res = await route(
      new Request("http://localhost:3999/api/transactions", {
        headers: { cookie: `td.session=${state.sessionToken}` },
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(error.status);
    // A 401 that outlived the client's own refresh ends the session, as a refused refresh does.
    expect(ended.some((e) => e.sessionToken === state.sessionToken)).toBe(error.status === 401);
    state.role = "READ_ONLY";
    expect((await getViewer())?.role).toBe("READ_ONLY");
    expect(state.userCalls).toBe(2);
  });

  it("is dropped when a page's call to Jiko is refused, with no route guard in between", async () => {
    signIn();
    const viewer = await getViewer();
    await getViewer();
    expect(state.userCalls).toBe(1);
    refusal.current = new JikoError("forbidden", 403, "member deactivated");
    await expect(viewer?.jiko.transactions({ limit: 100 })).rejects.toThrow();
    await getViewer();
    expect(state.userCalls).toBe(2);
  });

  it("is dropped for every session of a customer on its team event, and only that customer", async () => {
    const a = signIn();
    await getViewer();
    const other = signIn();
    await getViewer();
    // A transfer event changes nobody's role: nothing is dropped.
    await publish(teamEvent(a.customerId, "transfer_requests.created"));
    await publish(teamEvent(a.customerId));

    resume(a);
    await getViewer();
    expect(state.userCalls).toBe(1);

    resume(other);
    await getViewer();
    expect(state.userCalls).toBe(0);
  });

  it("is dropped for the customer when this dashboard changes its team at Jiko", async () => {
    const member = signIn();
    await getViewer();
    signIn(member.customerId);
    const viewer = await getViewer();
    await viewer?.jiko.editMember(randomUUID(), { role: "READ_ONLY" } as never);

    resume(member);
    await getViewer();
    expect(state.userCalls).toBe(1);
  });

  it("keeps nothing read while the session was being dropped", async () => {
    const cache = new ViewerCache<string>({ ttlMs: 30_000, max: 10 });
    await cache.resolve("s1", "g", async () => {
      cache.forgetCustomer("c1");
      return { customerId: "c1", value: "stale" };
    });
    expect(cache.get("s1", "g")).toBeUndefined();
  });

  it("expires after its TTL", async () => {
    let now = 0;
    const cache = new ViewerCache<string>({ ttlMs: 30_000, max: 10, now: () => now });
    const load = vi.fn(async () => ({ customerId: "c1", value: "admin" }));
    await cache.resolve("s1", "g", load);
    now = 29_999;
    await cache.resolve("s1", "g", load);
    expect(load).toHaveBeenCalledTimes(1);
    now = 30_000;
    await cache.resolve("s1", "g", load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("holds at most its bound, dropping the least recently used", () => {
    const cache = new ViewerCache<number>({ ttlMs: 30_000, max: 3 });
    for (let i = 0; i < 3; i++) cache.set(`s${i}`, "g", "c1", i);
    expect(cache.get("s0", "g")).toBe(0); // s1 is now the least recently used
    for (let i = 3; i < 50; i++) cache.set(`s${i}`, "g", "c1", i);
    expect(cache.size).toBe(3);
    expect(cache.get("s49", "g")).toBe(49);
    expect(cache.get("s1", "g")).toBeUndefined();
  });

  it("is one cache per instance, listening for team events", () => {
    expect(viewerCache()).toBe(viewerCache());
  });
});
