import { describe, expect, it } from "vitest";
import { dailyPeriods, monthlyPeriods } from "./earnings-periods";

describe("monthly earnings periods", () => {
  it("splits a pocket's life into inclusive month ranges, the last one running to the end", () => {
    expect(monthlyPeriods("p", "2026-09-15", "2026-11-20", 24)).toEqual([
      { pocketId: "p", label: "2026-09", from: "2026-09-15", to: "2026-09-30" },
      { pocketId: "p", label: "2026-10", from: "2026-10-01", to: "2026-10-31" },
      { pocketId: "p", label: "2026-11", from: "2026-11-01", to: "2026-11-20" },
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

  it("is one period for a range inside a month", () => {
    expect(monthlyPeriods("p", "2026-03-03", "2026-03-09")).toEqual([
      { pocketId: "p", label: "2026-03", from: "2026-03-03", to: "2026-03-09" },
    ]);
  });
});

describe("daily earnings periods", () => {
  it("gives each business day its own period, weekends and holidays joining the next one", () => {
    // Thanksgiving week 2026: Thu 26 is a holiday, the weekend follows.
    expect(
      dailyPeriods("p", "2026-11-24", "2026-11-30").map((p) => [p.label, p.from, p.to]),
    ).toEqual([
      ["2026-11-24", "2026-11-24", "2026-11-24"],
      ["2026-11-25", "2026-11-25", "2026-11-25"],
      ["2026-11-27", "2026-11-26", "2026-11-27"],
      ["2026-11-30", "2026-11-28", "2026-11-30"],
    ]);
  });

  it("covers the whole range when it starts or ends on a non-business day", () => {
    const periods = dailyPeriods("p", "2026-11-28", "2026-12-05");
    expect(periods[0]).toMatchObject({ from: "2026-11-28", to: "2026-11-30" });
    expect(periods.at(-1)).toMatchObject({
      label: "2026-12-04",
      from: "2026-12-04",
      to: "2026-12-05",
    });
    expect(dailyPeriods("p", "2026-11-28", "2026-11-29")).toEqual([
      { pocketId: "p", label: "2026-11-29", from: "2026-11-28", to: "2026-11-29" },
    ]);
  });
});
