import { describe, expect, it } from "vitest";
import type { Pocket } from "./jiko/pockets";
import { strategyLabel } from "./jiko/strategy-terms";
import {
  closeBlockers,
  maskAccountNumber,
  pocketTotals,
  reportablePockets,
  weightedYield,
  yieldMillionths,
} from "./pockets";

const pocket = (total: number, status: Pocket["status"] = "OPEN"): Pocket => ({
  id: "00000000-0000-4000-8000-000000000001",
  pocket_name: "Payroll",
  status,
  attributes: [],
  deposit_strategy_id: "UST-13W",
  reinvestment_strategy_id: null,
  type: "STANDARD",
  customer_id: "00000000-0000-4000-8000-000000000002",
  object_type: "Pocket",
  portfolio: {
    securities: [],
    cash: { value: total, currency: "USD", formatted: "" },
    total_value: { value: total, currency: "USD", formatted: "" },
    all_time_earnings: { value: 0, currency: "USD", formatted: "" },
    current_yield: "0",
    pricing_timestamp: null,
    appreciation_per_second: null,
  },
});

describe("pocket rules as the page explains them", () => {
  it("allows closing an empty open pocket when another stays open", () => {
    expect(closeBlockers(pocket(0), 2)).toEqual([]);
  });
  it("names each rule that is not met", () => {
    expect(closeBlockers(pocket(1), 2)).toEqual([
      "The pocket must be empty: move or withdraw its funds first.",
    ]);
    expect(closeBlockers(pocket(0), 1)).toEqual(["Another pocket must stay open."]);
    expect(closeBlockers(pocket(0, "CLOSED"), 3)).toEqual(["Only an open pocket can be closed."]);
  });
  it("labels strategies and masks account numbers", () => {
    expect(strategyLabel("UST-26W")).toBe("26-week T-bills");
    expect(strategyLabel(null)).toBe("Same as deposits");
    expect(maskAccountNumber("123456789012")).toBe("•••• 9012");
  });
});

describe("pockets total row", () => {
  const priced = (value: number, earned: number, yld: string): Pocket => {
    const p = pocket(value);
    return {
      ...p,
      portfolio: {
        ...p.portfolio!,
        all_time_earnings: { value: earned, currency: "USD", formatted: "" },
        current_yield: yld,
      },
    };
  };

  it("reads Jiko's six-decimal yields exactly", () => {
    expect(yieldMillionths("0.043125")).toBe(43_125n);
    expect(yieldMillionths("0.04")).toBe(40_000n);
    expect(yieldMillionths("1")).toBe(1_000_000n);
    expect(yieldMillionths("0.0431255")).toBe(43_126n);
  });

  it("weights yields by value in integers, rounding half up to the millionth", () => {
    // $3,000,000.00 at 4.0000% and $1,000,000.00 at 5.0000%: (3 × 0.04 + 1 × 0.05) / 4 = 0.0425.
    expect(
      weightedYield([
        { cents: 300_000_000, yield: "0.040000" },
        { cents: 100_000_000, yield: "0.050000" },
      ]),
    ).toBe("0.042500");
    // 1¢ at 0.000001 and 2¢ at 0 → 0.000000333… → 0.000000; 2¢ and 1¢ → 0.000000666… → 0.000001.
    expect(
      weightedYield([
        { cents: 1, yield: "0.000001" },
        { cents: 2, yield: "0" },
      ]),
    ).toBe("0.000000");
    expect(
      weightedYield([
        { cents: 2, yield: "0.000001" },
        { cents: 1, yield: "0" },
      ]),
    ).toBe("0.000001");
  });

  it("stays exact where floating point would not: values past 2^53 once multiplied", () => {
    // 9,007,199,254,740.99 dollars-worth of cents × 43,127 millionths overflows a double's
    // integers; the weighted yield of a single pocket is its own yield, exactly.
    expect(weightedYield([{ cents: Number.MAX_SAFE_INTEGER, yield: "0.043127" }])).toBe("0.043127");
  });

  it("leaves empty, negative and unpriced pockets out of the weights but not the sums", () => {
    expect(weightedYield([])).toBe("0.000000");
    const totals = pocketTotals([
      priced(250_000_012, 1_234_567, "0.043100"),
      priced(0, 5_000, "0.050000"),
      { ...pocket(0, "CLOSED"), portfolio: null },
      priced(750_000_000, 7_654_321, "0.039000"),
    ]);
    expect(totals.valueCents).toBe(1_000_000_012);
    expect(totals.earningsCents).toBe(8_893_888);
    // (250,000,012 × 43,100 + 750,000,000 × 39,000) / 1,000,000,012 = 40,025.0000… millionths.
    expect(totals.yield).toBe("0.040025");
  });
});

describe("pockets a report may cover", () => {
  const named = (name: string, status: Pocket["status"]): Pocket => ({
    ...pocket(0, status),
    id: `00000000-0000-4000-8000-00000000000${name.length}`,
    pocket_name: name,
  });
  const all = [named("a", "OPEN"), named("bb", "CLOSED"), named("ccc", "PENDING")];

  it("offers only pockets that still exist for a report of the present", () => {
    expect(reportablePockets(all, { history: false }).map((p) => p.name)).toEqual(["a"]);
  });

  it("offers closed pockets, marked closed, for a report of past activity", () => {
    expect(reportablePockets(all, { history: true })).toEqual([
      { id: all[0]!.id, name: "a", closed: false },
      { id: all[1]!.id, name: "bb", closed: true },
    ]);
  });
});
