import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { TokenSet } from "../auth/token-store";

vi.mock("../env", () => ({
  env: () => ({
    APP_URL: "http://localhost:3999",
    JIKO_API_URL: "http://jiko",
    JIKO_TIMEOUT_MS: 1,
  }),
}));
vi.mock("../db", () => {
  const database = {};
  return { db: () => database };
});

/** The database's tokens for the session (what a read finds), and the reads made. */
const stored = { tokens: null as TokenSet | null, reads: [] as { force: boolean }[] };
vi.mock("./tokens", () => ({
  accessTokenFor: async (_db: unknown, _session: string, o?: { force?: boolean }) => {
    stored.reads.push({ force: !!o?.force });
    return stored.tokens;
  },
  stillFresh: (t: TokenSet) => t.expiresAt - Date.now() / 1000 > 60,
}));

/** The access token each Jiko call carried; a token in `refused` gets Jiko's 401. */
const sent: string[] = [];
const refused = new Set<string>();
vi.mock("./http", async (original) => ({
  ...(await original<typeof import("./http")>()),
  jikoRequest: async (_http: unknown, req: { accessToken: string }) => {
    sent.push(req.accessToken);
    if (refused.has(req.accessToken)) {
      const { JikoError } = await import("./errors");
      throw new JikoError("reauth-required", 401, "token revoked");
    }
    return { items: [], next_page: null };
  },
}));

const { jikoFor } = await import(".");
const { forgetSession, memoGeneration, rememberSession } = await import("../auth/session-memo");
const { db } = await import("../db");

const tokens = (secondsLeft = 900): TokenSet => ({
  accessToken: randomUUID(),
  refreshToken: null,
  expiresAt: Math.floor(Date.now() / 1000) + secondsLeft,
  scope: "openid",
});

/** A session as a request finds it: its tokens read once and remembered by this instance. */
function session(read: TokenSet) {
  const s = { sessionToken: randomUUID(), userId: "u1" };
  rememberSession(db(), s.sessionToken, { userId: s.userId, tokens: read }, memoGeneration(db()));
  return s;
}

beforeEach(() => {
  stored.reads = [];
  sent.length = 0;
  refused.clear();
});

describe("a session's Jiko client and its tokens", () => {
  it("reads no tokens for later calls while the session memo holds fresh ones", async () => {
    const read = tokens();
    stored.tokens = read;
    const s = session(read);
    const jiko = jikoFor(s, { read });
    for (let i = 0; i < 6; i++) await jiko.transferRequests({ status: "PENDING" });
    expect(sent).toEqual(Array(6).fill(read.accessToken));
    expect(stored.reads).toEqual([]);
  });

  it("reads the database once the memo has forgotten the session, or its tokens near expiry", async () => {
    const read = tokens();
    const s = session(read);
    const jiko = jikoFor(s, { read });
    await jiko.transferRequests({});
    forgetSession(db(), s.sessionToken);
    stored.tokens = tokens();
    await jiko.transferRequests({});
    expect(sent).toEqual([read.accessToken, stored.tokens.accessToken]);
    expect(stored.reads).toEqual([{ force: false }]);

    const nearlyExpired = tokens(30);
    const t = session(nearlyExpired);
    const other = jikoFor(t);
    await other.transferRequests({});
    expect(sent.at(-1)).toBe(stored.tokens.accessToken);
    expect(stored.reads).toHaveLength(2);
  });

  it("after Jiko refuses the remembered token, forces a read and retries with what it finds", async () => {
    const read = tokens();
    const s = session(read);
    const jiko = jikoFor(s, { read });
    await jiko.transferRequests({});
    refused.add(read.accessToken);
    stored.tokens = tokens();
    await jiko.transferRequests({});
    expect(sent).toEqual([read.accessToken, read.accessToken, stored.tokens.accessToken]);
    expect(stored.reads).toEqual([{ force: true }]);
  });
});
