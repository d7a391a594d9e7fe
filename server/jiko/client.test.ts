import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UserInfo } from "@/lib/jiko/user";
import { type Sandbox, startSandbox } from "@/sandbox/server";
import {
  authorizeWithPassword,
  exchangeCode,
  registerTestClient,
} from "@/sandbox/testing/oauth-client";
import { createJikoClient } from "./client";
import { JikoError } from "./errors";
import { type HttpOptions, jikoRequest } from "./http";

let sandbox: Sandbox;
let accessToken: string;
let person: { email: string; name: string; role: string };

async function setFaults(body: Record<string, unknown> | null) {
  const res = await fetch(`${sandbox.apiUrl}/_sandbox/faults`, {
    method: body ? "POST" : "DELETE",
    headers: { "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(res.ok).toBe(true);
}

/** Records waits instead of sleeping, so the test reads what the client chose to wait. */
function recordingHttp(extra: Partial<HttpOptions> = {}) {
  const waits: number[] = [];
  const retries: (number | "network")[] = [];
  const http: HttpOptions = {
    baseUrl: sandbox.apiUrl,
    timeoutMs: 5_000,
    sleep: async (ms) => void waits.push(ms),
    onRetry: (info) => retries.push(info.status),
    ...extra,
  };
  return { http, waits, retries };
}

const staticTokens = (token: () => string) => ({
  forced: 0,
  async get(opts?: { force?: boolean }) {
    if (opts?.force) this.forced++;
    return { accessToken: token(), refreshToken: null, expiresAt: 0, scope: "" };
  },
});

beforeAll(async () => {
  sandbox = await startSandbox({ apiPort: 0, portalPort: 0 });
  const people = (await (await fetch(`${sandbox.apiUrl}/_sandbox/people`)).json()) as {
    items: { email: string; name: string; status: string; teams: { role: string }[] }[];
  };
  const p = people.items.find((x) => x.status === "ACTIVE" && x.teams.length === 1)!;
  person = { email: p.email, name: p.name, role: p.teams[0]!.role };
  const client = await registerTestClient(sandbox.portalUrl);
  const { code, codeVerifier } = await authorizeWithPassword({
    portalUrl: sandbox.portalUrl,
    client,
    email: person.email,
    password: "jiko-sandbox",
  });
  accessToken = (await exchangeCode({ portalUrl: sandbox.portalUrl, client, code, codeVerifier }))
    .access_token;
});

afterAll(() => sandbox?.close());
beforeEach(() => setFaults(null));

describe("the Jiko client", () => {
  it("reads the signed-in person, parsed by the contract", async () => {
    const jiko = createJikoClient(
      recordingHttp().http,
      staticTokens(() => accessToken),
    );
    const user = await jiko.user();
    expect(user.name).toBe(person.name);
    expect(user.role).toBe(person.role);
    const memberships = await jiko.memberships();
    expect(memberships.items.map((m) => m.team_id)).toContain(user.team_id);
  });

  it("retries a 503 with backoff and then succeeds", async () => {
    await setFaults({ status: 503, count: 2, retry_after: 0 });
    const { http, retries, waits } = recordingHttp();
    const user = await jikoRequest(
      http,
      { method: "GET", path: "/api/v1/user/", accessToken },
      UserInfo,
    );
    expect(user.name).toBe(person.name);
    expect(retries).toEqual([503, 503]);
    expect(waits).toHaveLength(2);
  });

  it("backs off with jitter when Jiko gives no Retry-After", async () => {
    const { http, waits } = recordingHttp({ random: () => 0.5, baseDelayMs: 100 });
    const res = await jikoRequest(
      http,
      { method: "GET", path: "/api/v1/user/", accessToken, headers: { Prefer: "code=502" } },
      UserInfo,
    ).catch((e) => e);
    expect(res).toBeInstanceOf(JikoError);
    expect((res as JikoError).code).toBe("unavailable");
    // Every attempt asked for a 502: three retries, waits growing 50, 100, 200 (half of 100·2^n).
    expect(waits).toEqual([50, 100, 200]);
  });

  it("honours Retry-After on a 429", async () => {
    await setFaults({ status: 429, count: 1, retry_after: 2 });
    const { http, retries, waits } = recordingHttp();
    const user = await jikoRequest(
      http,
      { method: "GET", path: "/api/v1/user/", accessToken },
      UserInfo,
    );
    expect(user.name).toBe(person.name);
    expect(retries).toEqual([429]);
    expect(waits).toEqual([2000]);
  });

  it("gives up at once when Retry-After asks longer than it may wait", async () => {
    await setFaults({ status: 429, count: 1, retry_after: 120 });
    const { http, waits } = recordingHttp();
    const error = await jikoRequest(
      http,
      { method: "GET", path: "/api/v1/user/", accessToken },
      UserInfo,
    ).catch((e) => e);
    expect(error).toMatchObject({ code: "rate-limited", status: 429, retryAfterSeconds: 120 });
    expect(waits).toEqual([]);
  });

  it("never retries a call that is not idempotent", async () => {
    const { http, retries } = recordingHttp();
    const error = await jikoRequest(
      http,
      {
        method: "POST",
        path: "/api/v1/user/",
        accessToken,
        body: {},
        headers: { Prefer: "code=503" },
      },
      null,
    ).catch((e) => e);
    expect(error).toMatchObject({ code: "unavailable", status: 503 });
    expect(retries).toEqual([]);
  });

  it("maps a refused token to reauth-required and tries one forced refresh", async () => {
    const tokens = staticTokens(() => "not-a-real-token");
    const jiko = createJikoClient(recordingHttp().http, tokens);
    await expect(jiko.user()).rejects.toMatchObject({ code: "reauth-required", status: 401 });
    expect(tokens.forced).toBe(1);
  });

  it("times out a slow answer and reports Jiko unavailable", async () => {
    await setFaults({ latency_ms: 400 });
    const { http } = recordingHttp({ timeoutMs: 100, maxRetries: 0 });
    await expect(
      jikoRequest(http, { method: "GET", path: "/api/v1/user/", accessToken }, UserInfo),
    ).rejects.toMatchObject({
      code: "unavailable",
      message: "Jiko did not answer in time",
    });
  });

  it("gives up on a slow Jiko within the call's budget, retrying a timeout once at most", async () => {
    await setFaults({ latency_ms: 1_500 });
    const { http, retries } = recordingHttp({ timeoutMs: 400, budgetMs: 1_200 });
    const started = performance.now();
    await expect(
      jikoRequest(http, { method: "GET", path: "/api/v1/user/", accessToken }, UserInfo),
    ).rejects.toMatchObject({ code: "unavailable", message: "Jiko did not answer in time" });
    expect(performance.now() - started).toBeLessThan(1_200);
    expect(retries).toEqual(["network"]);
  });

  it("reports an unreachable Jiko as unavailable after retrying", async () => {
    const { http, retries } = recordingHttp({ baseUrl: "http://127.0.0.1:9" });
    await expect(
      jikoRequest(http, { method: "GET", path: "/api/v1/user/", accessToken }, UserInfo),
    ).rejects.toMatchObject({ code: "unavailable" });
    expect(retries).toEqual(["network", "network", "network"]);
  });
});
