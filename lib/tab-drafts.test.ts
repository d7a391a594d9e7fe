import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  DRAFT_MAX_AGE_MS,
  dropDraft,
  hasDraft,
  isBlank,
  readDraft,
  shapeOf,
  writeDraft,
} from "./tab-drafts";

/** A tab's sessionStorage, in memory. */
function tab(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
}

const Form = z.object({ amount: z.string(), memo: z.string() });
const at = Date.parse("2026-12-01T15:00:00Z");

describe("tab drafts", () => {
  it("brings a draft back to its owner only, as it was written", () => {
    const storage = tab();
    writeDraft("transfer", "member-a", { amount: "1,000", memo: "Rent" }, { storage, now: at });
    expect(readDraft("transfer", "member-a", Form, { storage, now: at + 1000 })).toEqual({
      amount: "1,000",
      memo: "Rent",
    });
    expect(readDraft("transfer", "member-b", Form, { storage, now: at })).toBeNull();
    expect(readDraft("other", "member-a", Form, { storage, now: at })).toBeNull();
  });

  it("drops what is too old, not of the form's shape, or not JSON", () => {
    const storage = tab();
    writeDraft("old", "m", { amount: "1", memo: "" }, { storage, now: at });
    expect(readDraft("old", "m", Form, { storage, now: at + DRAFT_MAX_AGE_MS + 1 })).toBeNull();
    writeDraft("shape", "m", { amount: 1 }, { storage, now: at });
    expect(readDraft("shape", "m", Form, { storage, now: at })).toBeNull();
    storage.setItem("treasury-desk:draft:junk", "{not json");
    expect(readDraft("junk", "m", Form, { storage, now: at })).toBeNull();
  });

  it("drops one draft and leaves the others", () => {
    const storage = tab();
    writeDraft("a", "m", { amount: "1", memo: "" }, { storage, now: at });
    writeDraft("b", "m", { amount: "2", memo: "" }, { storage, now: at });
    dropDraft("a", storage);
    expect(readDraft("a", "m", Form, { storage, now: at })).toBeNull();
    expect(readDraft("b", "m", Form, { storage, now: at })).not.toBeNull();
  });

  it("goes on without a draft where the tab's storage refuses", () => {
    const refusing = {
      ...tab(),
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      getItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(() =>
      writeDraft("a", "m", { amount: "1", memo: "" }, { storage: refusing }),
    ).not.toThrow();
    expect(readDraft("a", "m", Form, { storage: refusing })).toBeNull();
    expect(readDraft("a", "m", Form, { storage: null })).toBeNull();
  });

  it("says whether an owner left a draft, whatever its shape, while it is recent", () => {
    const storage = tab();
    writeDraft("invite", "m", { anything: 1 }, { storage, now: at });
    expect(hasDraft("invite", "m", { storage, now: at + 1000 })).toBe(true);
    expect(hasDraft("invite", "other", { storage, now: at })).toBe(false);
    expect(hasDraft("invite", "m", { storage, now: at + DRAFT_MAX_AGE_MS + 1 })).toBe(false);
    expect(hasDraft("none", "m", { storage, now: at })).toBe(false);
  });

  it("checks a dialog's draft against the kinds of its blank values, keeping only their keys", () => {
    const blank = { email: "", role: "READ_ONLY", events: [] as string[], test: false };
    const shape = shapeOf(blank);
    const kept = { email: "a@b.example", role: "ADMIN", events: ["x"], test: true, extra: 1 };
    expect(shape.safeParse(kept)).toEqual({
      success: true,
      data: { email: "a@b.example", role: "ADMIN", events: ["x"], test: true },
    });
    expect(shape.safeParse({ ...kept, email: 7 }).success).toBe(false);
    expect(shape.safeParse({ ...kept, events: "x" }).success).toBe(false);
    expect(shape.safeParse({ ...kept, events: [1] }).success).toBe(false);
    expect(shape.safeParse({ email: "a@b.example" }).success).toBe(false);
    expect(shape.safeParse(null).success).toBe(false);
    expect(shapeOf({ policy: { days: 1 } }).safeParse({ policy: { days: 2 } }).success).toBe(false);
    expect(isBlank({ ...blank }, blank)).toBe(true);
    expect(isBlank({ ...blank, events: ["x"] }, blank)).toBe(false);
  });
});
