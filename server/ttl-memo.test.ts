import { describe, expect, it } from "vitest";
import { TtlMemo } from "./ttl-memo";

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
