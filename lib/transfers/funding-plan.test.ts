import { describe, expect, it } from "vitest";
import type { FixedIncomeSecurity } from "../jiko/pockets";
import { fundingPlan } from "./funding-plan";

const usd = (value: number) => ({ value, currency: "USD", formatted: "" });
const bill = (
  cusip: string,
  maturity: string,
  units: number,
  valueCents: number,
): FixedIncomeSecurity => ({
  type: "FIXED_INCOME",
  cusip,
  description: `T-bill ${maturity}`,
  quantity: units,
  market_value: usd(valueCents),
  jiko_mark_price: "99.5",
  maturity_date: maturity,
  yield_to_maturity: "0.04",
});

describe("funding plan", () => {
  // 1,000 units ($100,000 face) marked at $99,500.00 and 2,000 units ($200,000 face) at $197,000.00.
  const near = bill("912797AA1", "2026-12-10", 1_000, 9_950_000);
  const far = bill("912797BB2", "2027-03-04", 2_000, 19_700_000);

  it("takes the cash first and sells nothing when the cash covers it", () => {
    const plan = fundingPlan({ cash: usd(5_000_00), securities: [far, near] }, 4_000_00);
    expect(plan).toEqual({
      fromCashCents: 4_000_00,
      sales: [],
      forgoneCents: 0,
      shortfallCents: 0,
    });
  });

  it("sells the nearest maturity first, in whole $100 units, and counts the discount given up", () => {
    // $1,000 cash, $20,000 needed: 191 units of the near bill raise 191 × $99.50 = $19,004.50.
    const plan = fundingPlan({ cash: usd(1_000_00), securities: [far, near] }, 20_000_00);
    expect(plan.fromCashCents).toBe(1_000_00);
    expect(plan.sales).toEqual([
      {
        cusip: "912797AA1",
        description: "T-bill 2026-12-10",
        maturityDate: "2026-12-10",
        units: 191,
        proceedsCents: 19_004_50,
        forgoneCents: 95_50,
        whole: false,
      },
    ]);
    expect(plan.forgoneCents).toBe(95_50);
    expect(plan.shortfallCents).toBe(0);
  });

  it("runs into the next maturity when the first is used up", () => {
    // $150,000 with no cash: all of the near bill ($99,500), then $50,500 from the far one at
    // $98.50 a unit: 512 units raise $50,432.00 (short), 513 raise $50,530.50.
    const plan = fundingPlan({ cash: usd(0), securities: [far, near] }, 150_000_00);
    expect(plan.sales.map((s) => [s.cusip, s.units, s.whole])).toEqual([
      ["912797AA1", 1_000, true],
      ["912797BB2", 513, false],
    ]);
    expect(plan.sales[1]!.proceedsCents).toBe(50_530_50);
    expect(plan.forgoneCents).toBe(500_00 + (513 * 10_000 - 50_530_50));
    expect(plan.shortfallCents).toBe(0);
  });

  it("reports what cash and every bill cannot cover", () => {
    const plan = fundingPlan({ cash: usd(100_00), securities: [near] }, 100_000_00);
    expect(plan.sales).toHaveLength(1);
    expect(plan.shortfallCents).toBe(100_000_00 - 100_00 - 9_950_000);
  });
});
