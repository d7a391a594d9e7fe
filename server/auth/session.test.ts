import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionGrants, sessions } from "../db/schema";
import { refreshAtJiko } from "../jiko/refresh";
import { type SessionKit, startSessionKit } from "../testing/session-kit";
import { endSession, sweepEndedSessions } from "./end";
import { lookUpSession, type SessionLimits } from "./session";
import { bindTokens, readTokens } from "./token-store";

let kit: SessionKit;
const limits: SessionLimits = { idleMs: 60 * 60_000, maxMs: 12 * 3_600_000, slideEveryMs: 60_000 };
const HOUR = 3_600_000;

const sessionRow = async (token: string) =>
  (await kit.handle.db.select().from(sessions).where(eq(sessions.sessionToken, token)))[0];

/** Whether Jiko still honours a refresh token (a revoked grant refuses it). */
async function stillRefreshes(refreshToken: string): Promise<boolean> {
  try {
    await refreshAtJiko({
      issuer: kit.sandbox.portalUrl,
      clientId: kit.client.clientId,
      key: { key: kit.client.privateKey, kid: kit.client.kid },
      refreshToken,
    });
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === "reauth-required") return false;
    throw e;
  }
}

beforeAll(async () => {
  kit = await startSessionKit();
});
afterAll(async () => {
  await kit?.close();
});

describe("session lifetimes, enforced on the server", () => {
  it("slides the idle expiry with activity", async () => {
    const s = await kit.signedIn("sliding", { expires: new Date(Date.now() + 10 * 60_000) });
    const found = await lookUpSession(kit.handle.db, s.sessionToken, limits);
    expect(found).toEqual({ session: { sessionToken: s.sessionToken, userId: s.userId } });
    const row = await sessionRow(s.sessionToken);
    expect(row!.expires.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
  });

  it("ends an idle session and revokes its grant at Jiko", async () => {
    const s = await kit.signedIn("idle", { expires: new Date(Date.now() - 1_000) });
    expect(await lookUpSession(kit.handle.db, s.sessionToken, limits)).toEqual({ ended: "idle" });
    expect(await sessionRow(s.sessionToken)).toBeUndefined();
    expect(await readTokens(kit.handle.db, s.sessionToken)).toBeNull();
    expect(await stillRefreshes(s.refreshToken)).toBe(false);
  });

  it("ends a session past its absolute lifetime however active it is", async () => {
    const s = await kit.signedIn("absolute", { createdAt: new Date(Date.now() - 12 * HOUR - 1) });
    expect(await lookUpSession(kit.handle.db, s.sessionToken, limits)).toEqual({
      ended: "expired",
    });
    expect(await readTokens(kit.handle.db, s.sessionToken)).toBeNull();
  });

  it("answers none for an unknown cookie", async () => {
    expect(await lookUpSession(kit.handle.db, "no-such-session", limits)).toEqual({ none: true });
  });
});

describe("ending sessions", () => {
  it("signing out deletes the session's tokens and revokes its grant; other sessions live on", async () => {
    const leaving = await kit.signedIn("leaving", { expired: false });
    const other = await kit.signedIn("other-browser", { expired: false });
    await endSession(kit.handle.db, leaving.sessionToken, "signed-out");
    expect(await readTokens(kit.handle.db, leaving.sessionToken)).toBeNull();
    expect(await sessionRow(leaving.sessionToken)).toBeUndefined();
    expect(await stillRefreshes(leaving.refreshToken)).toBe(false);
    // The same person's other browser keeps its own grant.
    expect(await sessionRow(other.sessionToken)).toBeDefined();
    expect(await stillRefreshes(other.refreshToken)).toBe(true);
  });

  it("replacing a session's tokens (a team switch) hands back the old refresh token to revoke", async () => {
    const s = await kit.signedIn("switching", { expired: false });
    const replaced = await bindTokens(
      kit.handle.db,
      { sessionToken: s.sessionToken, userId: s.userId },
      { access_token: "next-access", refresh_token: "next-refresh", expires_at: 2_000_000_000 },
    );
    expect(replaced).toBe(s.refreshToken);
    expect((await readTokens(kit.handle.db, s.sessionToken))!.refreshToken).toBe("next-refresh");
  });

  it("the sweep ends expired sessions and orphaned tokens, revoking their grants", async () => {
    const expired = await kit.signedIn("swept", { expires: new Date(Date.now() - 60_000) });
    const orphan = await kit.signedIn("orphan", { expired: false });
    await kit.handle.db.delete(sessions).where(eq(sessions.sessionToken, orphan.sessionToken));
    const live = await kit.signedIn("live", { expired: false });

    expect(await sweepEndedSessions(kit.handle.db)).toBeGreaterThanOrEqual(2);
    const left = await kit.handle.db.select().from(sessionGrants);
    const tokens = left.map((g) => g.sessionToken);
    expect(tokens).not.toContain(expired.sessionToken);
    expect(tokens).not.toContain(orphan.sessionToken);
    expect(tokens).toContain(live.sessionToken);
    expect(await stillRefreshes(expired.refreshToken)).toBe(false);
    expect(await stillRefreshes(orphan.refreshToken)).toBe(false);
  });
});
