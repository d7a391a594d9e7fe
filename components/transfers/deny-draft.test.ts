import { afterEach, describe, expect, it, vi } from "vitest";
import { dropDenyDraft, keepDenyDraft, readDenyDraft } from "./deny-draft";

/** A tab's sessionStorage, in memory. */
function tab() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
    removeItem: (k: string) => void items.delete(k),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe("a denial's reason kept in the tab", () => {
  it("comes back to its owner with its request, and a blank reason keeps nothing", () => {
    const storage = tab();
    vi.stubGlobal("sessionStorage", storage);
    keepDenyDraft("member-a", "request-1", "Paid by check");
    expect(readDenyDraft("member-a")).toEqual({ requestId: "request-1", reason: "Paid by check" });
    expect(readDenyDraft("member-b")).toBeNull();
    keepDenyDraft("member-a", "request-1", "   ");
    expect(readDenyDraft("member-a")).toBeNull();
    expect(storage.items.size).toBe(0);
    keepDenyDraft("member-a", "request-2", "Duplicate");
    dropDenyDraft();
    expect(readDenyDraft("member-a")).toBeNull();
  });

  it("is not brought back in another shape", () => {
    const storage = tab();
    vi.stubGlobal("sessionStorage", storage);
    const put = (value: unknown) =>
      storage.setItem(
        "treasury-desk:draft:deny-reason",
        JSON.stringify({ owner: "m", savedAt: Date.now(), value }),
      );
    put({ requestId: "r" });
    expect(readDenyDraft("m")).toBeNull();
    put({ requestId: 7, reason: "Why" });
    expect(readDenyDraft("m")).toBeNull();
    put(null);
    expect(readDenyDraft("m")).toBeNull();
    put({ requestId: "r", reason: "Why", extra: true });
    expect(readDenyDraft("m")).toEqual({ requestId: "r", reason: "Why" });
  });
});
