import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readTokens } from "../auth/token-store";
import { sessionGrants, sessions } from "../db/schema";
import { type SessionKit, startSessionKit } from "../testing/session-kit";
import { refreshAtJiko } from "./refresh";
import { accessTokenFor } from "./tokens";

let kit: SessionKit;
let stalled: Server;
let stalledUrl: string;

/** A portal whose discovery answers but whose token endpoint never does. */
function startStalledPortal(): Promise<void> {
  stalled = createServer((req, res) => {
    if (req.url === "/.well-known/openid-configuration") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ issuer: stalledUrl, token_endpoint: `${stalledUrl}/token` }));
    }
    // Anything else: hold the connection open, answer nothing.
  });
  return new Promise((resolve) =>
    stalled.listen(0, "127.0.0.1", () => {
      stalledUrl = `http://127.0.0.1:${(stalled.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

const stalledRefresh: typeof refreshAtJiko = (opts) =>
  refreshAtJiko({ ...opts, issuer: stalledUrl });

const timed = async <T>(work: Promise<T>) => {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
};

beforeAll(async () => {
  kit = await startSessionKit();
  await startStalledPortal();
});

afterAll(async () => {
  stalled?.closeAllConnections();
  stalled?.close();
  await kit?.close();
});

describe("access tokens per session", () => {
  it("refreshes once for concurrent requests and stores the rotated pair", async () => {
    const s = await kit.signedIn("concurrent");
    const results = await Promise.all(
      Array.from({ length: 5 }, () => accessTokenFor(kit.handle.db, s.sessionToken)),
    );
    expect(new Set(results.map((r) => r.accessToken)).size).toBe(1);
    const stored = await readTokens(kit.handle.db, s.sessionToken);
    expect(stored!.accessToken).toBe(results[0]!.accessToken);
    expect(stored!.refreshToken).not.toBe(s.refreshToken);
    expect(stored!.expiresAt).toBeGreaterThan(Date.now() / 1000 + 60);
    // Had two refreshes raced with one refresh token, Jiko would have revoked the grant.
    expect(await kit.apiStatus(results[0]!.accessToken)).toBe(200);
    const again = await accessTokenFor(kit.handle.db, s.sessionToken, { force: true });
    expect(await kit.apiStatus(again.accessToken)).toBe(200);
  });

  it("returns the stored token while it is fresh, without calling Jiko", async () => {
    const s = await kit.signedIn("fresh", { expired: false });
    const refresh = vi.fn(refreshAtJiko);
    const a = await accessTokenFor(kit.handle.db, s.sessionToken, { deps: { refresh } });
    const b = await accessTokenFor(kit.handle.db, s.sessionToken, { deps: { refresh } });
    expect(b.accessToken).toBe(a.accessToken);
    expect(refresh).not.toHaveBeenCalled();
  });

  it("keeps two sessions of one person apart: refreshing one leaves the other's tokens", async () => {
    const one = await kit.signedIn("apart-1");
    const two = await kit.signedIn("apart-2", { expired: false });
    const before = await readTokens(kit.handle.db, two.sessionToken);
    await accessTokenFor(kit.handle.db, one.sessionToken);
    expect(await readTokens(kit.handle.db, two.sessionToken)).toEqual(before);
  });

  it("reports reauth-required when Jiko refuses the refresh", async () => {
    const s = await kit.signedIn("revoked");
    const res = await fetch(`${kit.sandbox.apiUrl}/_sandbox/revoke-grants`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: kit.email }),
    });
    expect(res.ok).toBe(true);
    await expect(accessTokenFor(kit.handle.db, s.sessionToken)).rejects.toMatchObject({
      code: "reauth-required",
    });
  });

  it("reports reauth-required when the stored tokens cannot be decrypted (secret changed)", async () => {
    const s = await kit.signedIn("rotated-away", { expired: false });
    const secret = process.env.AUTH_SECRET;
    vi.resetModules();
    process.env.AUTH_SECRET = "another-secret-another-secret-another-42";
    try {
      const fresh = await import("./tokens");
      await expect(fresh.accessTokenFor(kit.handle.db, s.sessionToken)).rejects.toMatchObject({
        code: "reauth-required",
      });
    } finally {
      process.env.AUTH_SECRET = secret;
      vi.resetModules();
    }
  });
});

describe("a stalled portal", () => {
  it("fails the person's refresh within its deadline, holding no lock over anyone else", async () => {
    const stuck = await kit.signedIn("stuck");
    const other = await kit.signedIn("other", { expired: false });

    const refreshing = timed(
      accessTokenFor(kit.handle.db, stuck.sessionToken, {
        deps: { refresh: stalledRefresh, leaseMs: 2_000, waitMs: 3_000 },
      }).catch((e: unknown) => e),
    );
    await new Promise((r) => setTimeout(r, 200)); // the refresh is now waiting on the portal

    // Someone else's page, and a sign-in writing a new session, answer at once meanwhile.
    const otherToken = await timed(accessTokenFor(kit.handle.db, other.sessionToken));
    expect(otherToken.ms).toBeLessThan(500);
    const write = await timed(
      kit.handle.db.insert(sessions).values({
        sessionToken: "session-new-sign-in",
        userId: other.userId,
        expires: new Date(Date.now() + 60_000),
      }),
    );
    expect(write.ms).toBeLessThan(500);

    const { value: failure, ms } = await refreshing;
    expect(failure).toMatchObject({ code: "unavailable" });
    expect(ms).toBeLessThan(2_500);
    // The lease is free again: the next request may try.
    const [row] = await kit.handle.db
      .select()
      .from(sessionGrants)
      .where(eq(sessionGrants.sessionToken, stuck.sessionToken));
    expect(row!.leaseUntil).toBeNull();
  });

  it("a holder that died with the lease blocks the session only until the lease lapses", async () => {
    const s = await kit.signedIn("orphan-lease");
    // Another instance took the lease and vanished.
    await kit.handle.db
      .update(sessionGrants)
      .set({ leaseHolder: "dead-instance", leaseUntil: new Date(Date.now() + 1_500) })
      .where(eq(sessionGrants.sessionToken, s.sessionToken));
    const { value, ms } = await timed(accessTokenFor(kit.handle.db, s.sessionToken));
    expect(ms).toBeGreaterThan(1_000);
    expect(ms).toBeLessThan(4_000);
    expect(await kit.apiStatus(value.accessToken)).toBe(200);
  });

  it("a second instance waits for the first one's refresh instead of making its own", async () => {
    const s = await kit.signedIn("two-instances");
    vi.resetModules();
    const other = await import("./tokens"); // its own in-process map: another instance
    const calls: string[] = [];
    const counted: typeof refreshAtJiko = (opts) => {
      calls.push(opts.refreshToken);
      return refreshAtJiko(opts);
    };
    const [a, b] = await Promise.all([
      accessTokenFor(kit.handle.db, s.sessionToken, { deps: { refresh: counted } }),
      other.accessTokenFor(kit.handle.db, s.sessionToken, { deps: { refresh: counted } }),
    ]);
    expect(calls).toHaveLength(1);
    expect(a.accessToken).toBe(b.accessToken);
    expect(await kit.apiStatus(a.accessToken)).toBe(200);
  });
});
