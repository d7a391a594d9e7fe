import { describe, expect, it } from "vitest";
import type { Pocket } from "./jiko/pockets";
import { closeBlockers, EarningsParams, maskAccountNumber, strategyLabel } from "./pockets";

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
  it("needs both ends of a custom earnings range, in order", () => {
    expect(EarningsParams.safeParse({ period: "range", from: "2026-01-01" }).success).toBe(false);
    expect(
      EarningsParams.safeParse({ period: "range", from: "2026-02-01", to: "2026-01-01" }).success,
    ).toBe(false);
    expect(EarningsParams.parse({}).period).toBe("all-time");
  });
});
