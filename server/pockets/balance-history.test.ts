import { describe, expect, it } from "vitest";
import { balanceHistory } from "./balance-history";

describe("balance history", () => {
  // A worked example: $1,000.00 today (Mar 10); March so far earned $2 and took in $100;
  // February earned $3 and paid out $50; January's earnings are not known yet.
  const base = {
    today: "2026-03-10",
    todayCents: 100_000,
    months: ["2026-01", "2026-02", "2026-03"],
  };

  it("walks back from today through each month's earnings and flows", () => {
    const points = balanceHistory({
      ...base,
      earnings: new Map([
        ["2026-02", 300],
        ["2026-03", 200],
      ]),
      flows: new Map([
        ["2026-01", 0],
        ["2026-02", -5_000],
        ["2026-03", 10_000],
      ]),
    });
    expect(points).toEqual([
      { date: "2026-01-31", cents: 100_000 - 200 - 10_000 - 300 + 5_000 },
      { date: "2026-02-28", cents: 100_000 - 200 - 10_000 },
      { date: "2026-03-10", cents: 100_000 },
    ]);
  });

  it("stops at the first month whose flows are missing, even when its earnings are known", () => {
    const points = balanceHistory({
      ...base,
      earnings: new Map([
        ["2026-01", 100],
        ["2026-02", 300],
        ["2026-03", 200],
      ]),
      flows: new Map([["2026-03", 10_000]]),
    });
    expect(points.map((p) => p.date)).toEqual(["2026-02-28", "2026-03-10"]);
  });

  it("is today alone when nothing is known", () => {
    expect(balanceHistory({ ...base, earnings: new Map(), flows: new Map() })).toEqual([
      { date: "2026-03-10", cents: 100_000 },
    ]);
  });
});
