import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessTokenFor } from "../jiko/tokens";
import { type SessionKit, startSessionKit } from "../testing/session-kit";
import { endSession, sweepEndedSessions } from "./end";
import {
  forgetSession,
  memoGeneration,
  rememberedSession,
  rememberSession,
  TtlMemo,
} from "./session-memo";
import { bindTokens, readTokens, storeRefreshed } from "./token-store";

describe("TtlMemo", () => {
  it("answers an entry until its TTL, then no more", () => {
    let now = 0;
    const memo = new TtlMemo<string>({ ttlMs: 5_000, max: 10, now: () => now });
    memo.set("a", "alice", memo.generation);
    now = 4_999;
    expect(memo.get("a")).toBe("alice");
    now = 5_000;
    expect(memo.get("a")).toBeUndefined();
    expect(memo.size).toBe(0);
  });

  it("evicts the least recently used entry once full", () => {
    const memo = new TtlMemo<number>({ ttlMs: 60_000, max: 2 });
    memo.set("a", 1, memo.generation);
    memo.set("b", 2, memo.generation);
    expect(memo.get("a")).toBe(1); // a is now the most recent
    memo.set("c", 3, memo.generation);
    expect(memo.get("b")).toBeUndefined();
    expect(memo.get("a")).toBe(1);
    expect(memo.get("c")).toBe(3);
  });

  it("keeps nothing read before a forget that happened while it was read", () => {
    const memo = new TtlMemo<string>({ ttlMs: 60_000, max: 10 });
    const before = memo.generation;
    memo.forget("a"); // a sign-out while the session was being read
    memo.set("a", "stale", before);
    expect(memo.get("a")).toBeUndefined();
    memo.set("a", "fresh", memo.generation);
    expect(memo.get("a")).toBe("fresh");
  });
});

describe("remembered sessions are forgotten by whatever changes them", () => {
  let kit: SessionKit;
  beforeAll(async () => {
    kit = await startSessionKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  /** A signed-in session, remembered as a request would remember it. */
  async function remembered(id: string, opts: { expires?: Date } = {}) {
    const s = await kit.signedIn(id, { expired: false, ...opts });
    const tokens = (await readTokens(kit.handle.db, s.sessionToken))!;
    rememberSession(
      kit.handle.db,
      s.sessionToken,
      { userId: s.userId, tokens },
      memoGeneration(kit.handle.db),
    );
    expect(rememberedSession(kit.handle.db, s.sessionToken)?.tokens).toEqual(tokens);
    return s;
  }

  it("signing out", async () => {
    const s = await remembered("memo-sign-out");
    await endSession(kit.handle.db, s.sessionToken, "signed-out");
    expect(rememberedSession(kit.handle.db, s.sessionToken)).toBeUndefined();
  });

  it("new tokens bound to the session (a team switch)", async () => {
    const s = await remembered("memo-switch");
    await bindTokens(
      kit.handle.db,
      { sessionToken: s.sessionToken, userId: s.userId },
      { access_token: "other-team", refresh_token: "other-refresh", expires_at: 2_000_000_000 },
    );
    expect(rememberedSession(kit.handle.db, s.sessionToken)).toBeUndefined();
  });

  it("a refresh storing new tokens", async () => {
    const s = await remembered("memo-refresh");
    await storeRefreshed(kit.handle.db, s.sessionToken, {
      access_token: "refreshed",
      refresh_token: "rotated",
      expires_at: 2_000_000_000,
    });
    expect(rememberedSession(kit.handle.db, s.sessionToken)).toBeUndefined();
  });

  it("a forced refresh after Jiko refused the token", async () => {
    const s = await remembered("memo-forced");
    const before = rememberedSession(kit.handle.db, s.sessionToken)!.tokens.accessToken;
    const next = await accessTokenFor(kit.handle.db, s.sessionToken, { force: true });
    expect(next.accessToken).not.toBe(before);
    expect(rememberedSession(kit.handle.db, s.sessionToken)).toBeUndefined();
  });

  it("the sweep ending an expired session", async () => {
    const s = await remembered("memo-swept", { expires: new Date(Date.now() - 60_000) });
    await sweepEndedSessions(kit.handle.db);
    expect(rememberedSession(kit.handle.db, s.sessionToken)).toBeUndefined();
  });

  it("Jiko's refusal (forgetSession), and only that session", async () => {
    const a = await remembered("memo-refused");
    const b = await remembered("memo-bystander");
    forgetSession(kit.handle.db, a.sessionToken);
    expect(rememberedSession(kit.handle.db, a.sessionToken)).toBeUndefined();
    expect(rememberedSession(kit.handle.db, b.sessionToken)).toBeDefined();
  });
});
