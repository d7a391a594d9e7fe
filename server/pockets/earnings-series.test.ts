import { describe, expect, it } from "vitest";
import { monthlyPeriods } from "./earnings-series";

describe("monthly earnings periods", () => {
  it("splits a pocket's life into inclusive month ranges, the current month running to as-of", () => {
    expect(monthlyPeriods("p", "2026-09-15", "2026-11-20", 24)).toEqual([
      { pocketId: "p", month: "2026-09", from: "2026-09-15", to: "2026-09-30", closed: true },
      { pocketId: "p", month: "2026-10", from: "2026-10-01", to: "2026-10-31", closed: true },
      { pocketId: "p", month: "2026-11", from: "2026-11-01", to: "2026-11-20", closed: false },
    ]);
  });

  it("crosses the year and handles February", () => {
    const periods = monthlyPeriods("p", "2023-12-01", "2024-03-04", 24);
    expect(periods.map((p) => [p.from, p.to])).toEqual([
      ["2023-12-01", "2023-12-31"],
      ["2024-01-01", "2024-01-31"],
      ["2024-02-01", "2024-02-29"],
      ["2024-03-01", "2024-03-04"],
    ]);
  });

  it("goes back at most the requested number of months", () => {
    const periods = monthlyPeriods("p", "2020-01-10", "2026-11-20", 24);
    expect(periods).toHaveLength(24);
    expect(periods[0]!.from).toBe("2024-12-01");
  });
});
