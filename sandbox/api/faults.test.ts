import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ErrorBody } from "../../lib/jiko/common";
import { RATE_LIMIT_HEADERS } from "../../lib/jiko/rate-limits";
import { type Sandbox, startSandbox } from "../server";
import { passwordTokens, registerTestClient } from "../testing/oauth-client";

let sb: Sandbox;
let token: string;
beforeAll(async () => {
  sb = await startSandbox({ apiPort: 0, portalPort: 0 });
  const client = await registerTestClient(sb.portalUrl);
  const email = "avery.chen@harborline.example";
  token = (await passwordTokens({ portalUrl: sb.portalUrl, client, email })).access_token;
}, 60_000);
afterAll(() => sb?.close());
afterEach(async () => {
  await fetch(`${sb.apiUrl}/_sandbox/faults`, { method: "DELETE" });
});

const user = (headers: Record<string, string> = {}) =>
  fetch(`${sb.apiUrl}/api/v1/user/`, { headers: { authorization: `Bearer ${token}`, ...headers } });
const setFaults = (body: unknown) =>
  fetch(`${sb.apiUrl}/_sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("/_sandbox/faults", () => {
  it("makes the next N requests answer with the status, then back to normal", async () => {
    const set = await setFaults({ status: 503, count: 2 });
    expect(set.status).toBe(200);
    expect(await set.json()).toStrictEqual({
      status: 503,
      remaining: 2,
      retry_after: 1,
      latency_ms: 0,
    });
    // Emulator routes are never faulted.
    expect((await fetch(`${sb.apiUrl}/_sandbox/health`)).status).toBe(200);

    for (let i = 0; i < 2; i++) {
      const res = await user();
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
      expect(ErrorBody.parse(await res.json())).toStrictEqual({ detail: "Service Unavailable" });
    }
    expect((await user()).status).toBe(200);
    expect(await (await fetch(`${sb.apiUrl}/_sandbox/faults`)).json()).toMatchObject({
      status: null,
      remaining: 0,
    });
  });

  it("serves 429 with Retry-After and the rate-limit headers", async () => {
    await setFaults({ status: 429, retry_after: 7 });
    const res = await user();
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.headers.get(RATE_LIMIT_HEADERS.limit)).toBe("300");
    expect(res.headers.get(RATE_LIMIT_HEADERS.remaining)).toBe("0");
    expect(res.headers.get(RATE_LIMIT_HEADERS.reset)).toMatch(/^\d+$/);
    expect(await res.json()).toStrictEqual({ detail: "Rate limit exceeded" });
    expect((await user()).status).toBe(200);
  });

  it("adds latency until cleared", async () => {
    await setFaults({ latency_ms: 300 });
    let started = performance.now();
    expect((await user()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    const cleared = await fetch(`${sb.apiUrl}/_sandbox/faults`, { method: "DELETE" });
    expect(await cleared.json()).toMatchObject({ latency_ms: 0, status: null });
    started = performance.now();
    await user();
    expect(performance.now() - started).toBeLessThan(290);
  });

  it("validates its body FastAPI-style", async () => {
    const res = await setFaults({ status: 418, count: 0 });
    expect(res.status).toBe(422);
    const { detail } = ErrorBody.parse(await res.json());
    expect((detail as Array<{ loc: unknown[] }>).map((d) => d.loc.join("."))).toEqual(
      expect.arrayContaining(["body.status", "body.count"]),
    );
  });
});

describe("Prefer: code=…", () => {
  it("makes that one request answer with the status and a Jiko-shaped body", async () => {
    const res = await user({ prefer: "code=503" });
    expect(res.status).toBe(503);
    expect(await res.json()).toStrictEqual({ detail: "Service Unavailable" });
    const notFound = await user({ prefer: "code=404" });
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toStrictEqual({ detail: "Not Found" });
    const invalid = await user({ prefer: "code=422" });
    expect(ErrorBody.parse(await invalid.json()).detail).toEqual(expect.any(Array));
    expect((await user()).status).toBe(200);
    // Not an error code: ignored.
    expect((await user({ prefer: "code=200" })).status).toBe(200);
  });
});

describe("emulator routes", () => {
  it("GET /_sandbox/people lists everyone with their teams and person-level status", async () => {
    const { items } = await (await fetch(`${sb.apiUrl}/_sandbox/people`)).json();
    const byEmail = Object.fromEntries(items.map((p: { email: string }) => [p.email, p]));
    expect(byEmail["jordan.patel@harborline.example"]).toMatchObject({
      name: "Jordan Patel",
      status: "ACTIVE",
      teams: expect.arrayContaining([
        expect.objectContaining({ team_name: "Harborline Treasury", role: "REVIEWER" }),
        expect.objectContaining({ team_name: "Harborline Europe", role: "ADMIN" }),
      ]),
    });
    expect(byEmail["taylor.brooks@harborline.example"].status).toBe("PENDING");
    expect(byEmail["casey.nguyen@harborline.example"].status).toBe("DEACTIVATED");
    expect(items).toHaveLength(7);
  });

  it("GET /_sandbox/outbox lists sent messages newest first, filtered by recipient", async () => {
    const { items } = await (await fetch(`${sb.apiUrl}/_sandbox/outbox`)).json();
    expect(items[0]).toMatchObject({ kind: "sms", to: "+14155550101" });
    expect(items[0].body).toMatch(/\d{6}/);
    const none = await (await fetch(`${sb.apiUrl}/_sandbox/outbox?to=nobody`)).json();
    expect(none.items).toEqual([]);
  });

  it("POST /_sandbox/revoke-grants refuses an unknown email", async () => {
    const res = await fetch(`${sb.apiUrl}/_sandbox/revoke-grants`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "nobody@harborline.example" }),
    });
    expect(res.status).toBe(404);
  });

  it("GET /_sandbox/health", async () => {
    const res = await fetch(`${sb.apiUrl}/_sandbox/health`);
    expect(await res.json()).toStrictEqual({ ok: true });
  });
});
