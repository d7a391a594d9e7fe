import { describe, expect, it } from "vitest";
import { tabStore } from "./tab-store";

describe("tabStore", () => {
  it("holds its value until set, and set replaces it", () => {
    const s = tabStore(0);
    expect(s.get()).toBe(0);
    s.set(2);
    expect(s.get()).toBe(2);
  });

  it("each store holds its own value", () => {
    const a = tabStore<string | null>(null);
    const b = tabStore<string | null>(null);
    a.set("x");
    expect(b.get()).toBeNull();
  });
});
