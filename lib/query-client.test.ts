import { environmentManager, QueryObserver } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiClientError } from "./api-client";
import type { ErrorCode } from "./errors";
import { makeQueryClient, outageRetryDelayMs } from "./query-client";

const failure = (code: ErrorCode) => new ApiClientError(code, `failed: ${code}`, 503);

/**
 * A section's query watched as a mounted component would: the query function answers from a
 * script (an error code, or data), and every call is timed on the fake clock.
 */
function watch(script: (call: number) => ErrorCode | "ok") {
  const client = makeQueryClient();
  const calls: number[] = [];
  const start = Date.now();
  const observer = new QueryObserver(client, {
    queryKey: ["section"],
    queryFn: async () => {
      const outcome = script(calls.push(Date.now() - start) - 1);
      if (outcome !== "ok") throw failure(outcome);
      return { balance: 1 };
    },
  });
  const unsubscribe = observer.subscribe(() => {});
  const stop = () => {
    unsubscribe();
    client.clear();
  };
  return { observer, calls, stop };
}

beforeEach(() => {
  vi.useFakeTimers();
  // Refetch timers run in browsers only; these tests stand in for one.
  environmentManager.setIsServer(() => false);
});
afterEach(() => {
  environmentManager.setIsServer(() => typeof window === "undefined");
  vi.useRealTimers();
});

describe("queries while Jiko is away", () => {
  it("waits 2, 4, 8, 16, then 30 s between tries, or longer when Jiko asks", () => {
    expect([1, 2, 3, 4, 5, 6, 12].map((n) => outageRetryDelayMs(n))).toEqual([
      2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(outageRetryDelayMs(1, 20)).toBe(20_000);
    expect(outageRetryDelayMs(5, 20)).toBe(30_000);
    expect(outageRetryDelayMs(1, 3600)).toBe(300_000);
  });

  it("a section Jiko could not answer refetches by itself with backoff and recovers", async () => {
    // Jiko answers again from the 10th call on.
    const section = watch((call) => (call < 9 ? "unavailable" : "ok"));
    await vi.advanceTimersByTimeAsync(3_500);
    expect(section.observer.getCurrentResult().error).toMatchObject({ code: "unavailable" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(section.observer.getCurrentResult().data).toEqual({ balance: 1 });
    expect(section.observer.getCurrentResult().error).toBeNull();
    // Three tries a cycle (two quick retries), the pause between cycles doubling.
    const cycleStarts = [0, 3, 6, 9].map((i) => section.calls[i]!);
    const pauses = cycleStarts.slice(1).map((t, i) => t - cycleStarts[i]!);
    expect(pauses[1]! - pauses[0]!).toBeGreaterThanOrEqual(2_000);
    expect(pauses[2]! - pauses[1]!).toBeGreaterThanOrEqual(4_000);
    // Once answered, it stops asking.
    const answered = section.calls.length;
    await vi.advanceTimersByTimeAsync(25_000);
    expect(section.calls).toHaveLength(answered);
    section.stop();
  });

  it("a rate limit is asked again later, not at once", async () => {
    const section = watch((call) => (call < 1 ? "rate-limited" : "ok"));
    await vi.advanceTimersByTimeAsync(1_900);
    expect(section.calls).toEqual([0]);
    expect(section.observer.getCurrentResult().error).toMatchObject({ code: "rate-limited" });
    await vi.advanceTimersByTimeAsync(200);
    expect(section.calls).toHaveLength(2);
    expect(section.observer.getCurrentResult().data).toEqual({ balance: 1 });
    section.stop();
  });

  it.each<ErrorCode>(["reauth-required", "forbidden", "not-found", "invalid"])(
    "%s is never retried nor refetched",
    async (code) => {
      const section = watch(() => code);
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      expect(section.calls).toEqual([0]);
      section.stop();
    },
  );
});

describe("an ended session", () => {
  it("sends the person to sign-in whether a read or a change met it, and nothing else does", async () => {
    const toSignIn = vi.fn();
    const client = makeQueryClient(toSignIn);
    await client
      .fetchQuery({ queryKey: ["read"], queryFn: () => Promise.reject(failure("forbidden")) })
      .catch(() => {});
    const refused = client.getMutationCache().build(client, {
      mutationFn: () => Promise.reject(failure("invalid")),
    });
    await refused.execute(undefined).catch(() => {});
    expect(toSignIn).not.toHaveBeenCalled();

    await client
      .fetchQuery({
        queryKey: ["ended"],
        queryFn: () => Promise.reject(failure("reauth-required")),
      })
      .catch(() => {});
    expect(toSignIn).toHaveBeenCalledTimes(1);
    const ended = client.getMutationCache().build(client, {
      mutationFn: () => Promise.reject(failure("reauth-required")),
    });
    await expect(ended.execute(undefined)).rejects.toMatchObject({ code: "reauth-required" });
    expect(toSignIn).toHaveBeenCalledTimes(2);
  });
});
