import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessTokenFor } from "../jiko/tokens";
import { type SessionKit, startSessionKit } from "../testing/session-kit";
import { endSession, sweepEndedSessions } from "./end";
import { forgetSession, memoGeneration, rememberedSession, rememberSession } from "./session-memo";
import { bindTokens, readTokens, storeRefreshed } from "./token-store";

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
