import { describe, expect, it } from "vitest";
import { endOfDay, nyDateTimeWithOffset, startOfDay } from "./dates";

describe("New York day boundaries", () => {
  it("starts a winter day at 05:00 UTC and a summer day at 04:00 UTC", () => {
    expect(startOfDay("2026-01-15")).toBe("2026-01-15T05:00:00.000Z");
    expect(startOfDay("2026-07-15")).toBe("2026-07-15T04:00:00.000Z");
  });

  it("handles the days clocks change", () => {
    expect(startOfDay("2026-03-08")).toBe("2026-03-08T05:00:00.000Z"); // spring forward at 2:00
    expect(endOfDay("2026-03-08")).toBe("2026-03-09T03:59:59.999Z"); // a 23-hour day
    expect(startOfDay("2026-11-01")).toBe("2026-11-01T04:00:00.000Z"); // fall back at 2:00
    expect(endOfDay("2026-11-01")).toBe("2026-11-02T04:59:59.999Z"); // a 25-hour day
  });
});

describe("New York wall-clock times with their offset", () => {
  it("writes the local time and the offset in force at that instant", () => {
    expect(nyDateTimeWithOffset("2026-01-15T17:30:00.000Z")).toBe("2026-01-15T12:30:00-05:00");
    expect(nyDateTimeWithOffset("2026-07-15T03:59:59Z")).toBe("2026-07-14T23:59:59-04:00");
    // Either side of spring-forward (07:00 UTC on 2026-03-08).
    expect(nyDateTimeWithOffset("2026-03-08T06:59:00Z")).toBe("2026-03-08T01:59:00-05:00");
    expect(nyDateTimeWithOffset("2026-03-08T07:00:00Z")).toBe("2026-03-08T03:00:00-04:00");
  });
});
