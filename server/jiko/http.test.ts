import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { JikoError } from "./errors";
import { type HttpOptions, jikoFetch } from "./http";

/**
 * A fake Jiko on fake timers: each attempt answers after `latencyMs` (or aborts with the
 * client's signal), so the tests read how long a call took on the clock it would have taken.
 */
function fakeJiko(latencyMs: number, answer: (attempt: number) => Response) {
  const startedAt: number[] = [];
  const fetch = ((_url: string, init: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const attempt = startedAt.push(Date.now()) - 1;
      const timer = setTimeout(() => resolve(answer(attempt)), latencyMs);
      init.signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(init.signal?.reason);
      });
    })) as typeof globalThis.fetch;
  return { fetch, startedAt };
}

const ok = () => Response.json({ ok: true });
const status = (code: number, retryAfter?: number) => () =>
  Response.json(
    { detail: "Service Unavailable" },
    {
      status: code,
      headers: retryAfter === undefined ? {} : { "retry-after": String(retryAfter) },
    },
  );

/** Runs one GET to the end on the fake clock; answers how long it took and how it ended. */
async function timedCall(http: Omit<HttpOptions, "baseUrl">) {
  const start = Date.now();
  let endedAt = 0;
  const result = jikoFetch(
    { baseUrl: "http://jiko.test", ...http },
    { method: "GET", path: "/api/v1/user/", accessToken: "t" },
  ).then(
    (res) => res,
    (error: unknown) => error,
  );
  void result.finally(() => {
    endedAt = Date.now();
  });
  await vi.runAllTimersAsync();
  return { outcome: await result, elapsedMs: endedAt - start };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("a Jiko call's time budget", () => {
  it("fails a 12 s answer as unavailable within the 8 s budget, without retrying past it", async () => {
    const jiko = fakeJiko(12_000, ok);
    // 10 s per attempt, as JIKO_TIMEOUT_MS defaults to; the budget is the default 8 s.
    const { outcome, elapsedMs } = await timedCall({ timeoutMs: 10_000, fetch: jiko.fetch });
    expect(outcome).toBeInstanceOf(JikoError);
    expect(outcome).toMatchObject({ code: "unavailable", message: "Jiko did not answer in time" });
    expect(elapsedMs).toBeLessThanOrEqual(8_000);
    expect(jiko.startedAt).toHaveLength(1);
  });

  it("is configurable per client", async () => {
    const jiko = fakeJiko(12_000, ok);
    const { outcome, elapsedMs } = await timedCall({
      timeoutMs: 10_000,
      budgetMs: 3_000,
      fetch: jiko.fetch,
    });
    expect(outcome).toMatchObject({ code: "unavailable" });
    expect(elapsedMs).toBe(3_000);
  });

  it("retries a timeout at most once, even with retries and budget to spare", async () => {
    const jiko = fakeJiko(12_000, ok);
    const { outcome, elapsedMs } = await timedCall({
      timeoutMs: 2_000,
      budgetMs: 30_000,
      maxRetries: 5,
      random: () => 0.5,
      fetch: jiko.fetch,
    });
    expect(outcome).toMatchObject({ code: "unavailable", message: "Jiko did not answer in time" });
    expect(jiko.startedAt).toHaveLength(2);
    // Two 2 s attempts and one jittered wait of 125 ms (half of 250 ms).
    expect(elapsedMs).toBe(4_125);
  });

  it("caps the retries of 503s by the budget, whatever the retry count allows", async () => {
    const jiko = fakeJiko(10, status(503, 3));
    const { outcome, elapsedMs } = await timedCall({
      timeoutMs: 10_000,
      maxRetries: 10,
      fetch: jiko.fetch,
    });
    expect(outcome).toMatchObject({ code: "unavailable", status: 503 });
    // Attempts at 0, 3 and 6 s (plus latency); a fourth after another 3 s would pass 8 s.
    expect(jiko.startedAt.map((t) => t - jiko.startedAt[0]!)).toEqual([0, 3_010, 6_020]);
    expect(elapsedMs).toBeLessThan(8_000);
  });

  it("does not wait out a Retry-After longer than the budget left", async () => {
    const jiko = fakeJiko(10, status(429, 9));
    const { outcome, elapsedMs } = await timedCall({ timeoutMs: 10_000, fetch: jiko.fetch });
    expect(outcome).toMatchObject({ code: "rate-limited", status: 429, retryAfterSeconds: 9 });
    expect(jiko.startedAt).toHaveLength(1);
    expect(elapsedMs).toBe(10);
  });

  it("waits a Retry-After that fits, and answers when Jiko does", async () => {
    const jiko = fakeJiko(10, (attempt) => (attempt < 2 ? status(503, 2)() : ok()));
    const { outcome, elapsedMs } = await timedCall({ timeoutMs: 10_000, fetch: jiko.fetch });
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(200);
    expect(elapsedMs).toBe(4_030);
  });

  it("bounds each attempt by the per-attempt timeout inside the budget", async () => {
    const jiko = fakeJiko(12_000, ok);
    const { elapsedMs } = await timedCall({
      timeoutMs: 1_000,
      budgetMs: 8_000,
      random: () => 0,
      fetch: jiko.fetch,
    });
    expect(jiko.startedAt.map((t) => t - jiko.startedAt[0]!)).toEqual([0, 1_000]);
    expect(elapsedMs).toBe(2_000);
  });
});

describe("a file sent as it is", () => {
  it("goes with its own content type, byte for byte, never as JSON", async () => {
    let seen: { type: string | null; body: Uint8Array } | undefined;
    const fetch = (async (_url: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      seen = {
        type: headers.get("content-type"),
        body: new Uint8Array(await new Response(init.body).arrayBuffer()),
      };
      return Response.json({ success: true }, { status: 201 });
    }) as typeof globalThis.fetch;
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    const res = await jikoFetch(
      { baseUrl: "http://jiko.test", timeoutMs: 1_000, fetch },
      {
        method: "POST",
        path: "/api/v1/documents/PROOF_OF_ADDRESS/",
        accessToken: "t",
        rawBody: bytes,
        headers: { "content-type": "application/pdf" },
      },
    );
    expect(res.status).toBe(201);
    expect(seen?.type).toBe("application/pdf");
    expect([...(seen?.body ?? [])]).toEqual([...bytes]);
  });
});
