import { describe, expect, it } from "vitest";
import { afterBusinessDays, sameName } from "./counterparties";

describe("afterBusinessDays", () => {
  it("counts New York business days and keeps the time of day", () => {
    // Monday noon in New York → Wednesday noon.
    expect(afterBusinessDays(new Date("2026-11-30T17:00:00Z"), 2).toISOString()).toBe(
      "2026-12-02T17:00:00.000Z",
    );
  });

  it("skips weekends and federal holidays", () => {
    // Friday → Monday.
    expect(afterBusinessDays(new Date("2026-12-04T17:00:00Z"), 1).toISOString()).toBe(
      "2026-12-07T17:00:00.000Z",
    );
    // Wednesday before Thanksgiving (Thursday 2026-11-26) → Friday.
    expect(afterBusinessDays(new Date("2026-11-25T17:00:00Z"), 1).toISOString()).toBe(
      "2026-11-27T17:00:00.000Z",
    );
  });
});

describe("sameName", () => {
  it("ignores case and spaces, nothing else", () => {
    expect(sameName("  harborline   EUROPE b.v. ", "Harborline Europe B.V.")).toBe(true);
    expect(sameName("Harborline Europe BV", "Harborline Europe B.V.")).toBe(false);
  });
});
