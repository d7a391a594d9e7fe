import { describe, expect, it } from "vitest";
import { accrualCents, forecastCents, liquidityLadder, maturingWithin } from "./forecast";
import type { FixedIncomeSecurity } from "./jiko/pockets";

const bill = (quantity: number, marketCents: number, maturity: string): FixedIncomeSecurity => ({
  type: "FIXED_INCOME",
  cusip: "912797NQ6",
  description: "US Treasury bill",
  quantity,
  market_value: { value: marketCents, currency: "USD", formatted: "" },
  jiko_mark_price: "0",
  maturity_date: maturity,
  yield_to_maturity: "0",
});

describe("earnings forecast of held bills", () => {
  // Worked example: $1,000,000 face (10,000 × $100), 91 days left at a 4.20% discount yield:
  // price = 100 × (1 − 0.042 × 91/360) = 98.938333…, market value $989,383.33.
  // Left to earn: $1,000,000 − $989,383.33 = $10,616.67 over 91 days.
  // Next 30 days: 1,061,667 cents × 30/91 = 350,000.1… → 350,000 cents ($3,500.00).
  // Check: face × d × 30/360 = $1,000,000 × 0.042 × 30/360 = $3,500.00.
  const today = "2026-11-23";
  const b91 = bill(10_000, 98_938_333, "2027-02-22");

  it("accrues in a straight line to face under discount pricing", () => {
    expect(accrualCents(b91, today, 30)).toBe(350_000);
    expect(accrualCents(b91, today, 91)).toBe(1_061_667);
    // A horizon past maturity earns only what is left.
    expect(accrualCents(b91, today, 120)).toBe(1_061_667);
  });

  it("adds up bills and ignores matured ones", () => {
    const b30 = bill(5_000, 49_825_000, "2026-12-23"); // $500,000 face, $1,750 left, 30 days
    expect(forecastCents([b91, b30], today, 30)).toBe(350_000 + 175_000);
    expect(forecastCents([bill(100, 10_000, today)], today, 30)).toBe(0);
  });

  it("lists bills maturing in the next days, soonest first", () => {
    const soon = bill(1, 9_990, "2026-12-01");
    const later = bill(1, 9_900, "2027-01-10");
    expect(maturingWithin([later, b91, soon], today, 30)).toEqual([soon]);
    expect(maturingWithin([later, soon], today, 60).map((b) => b.maturity_date)).toEqual([
      "2026-12-01",
      "2027-01-10",
    ]);
  });
});

describe("liquidity ladder", () => {
  const today = "2026-11-23";

  it("starts with today's cash and adds each date's face value as it matures", () => {
    const ladder = liquidityLadder(
      12_345,
      [
        bill(500, 4_990_000, "2027-01-14"),
        bill(100, 995_000, "2026-12-10"),
        bill(250, 2_480_000, "2027-01-14"),
      ],
      today,
    );
    expect(ladder).toEqual([
      { date: today, maturingCents: 0, availableCents: 12_345 },
      { date: "2026-12-10", maturingCents: 1_000_000, availableCents: 1_012_345 },
      { date: "2027-01-14", maturingCents: 7_500_000, availableCents: 8_512_345 },
    ]);
  });

  it("counts a bill past maturity as cash today; the last rung is cash plus every face", () => {
    const bills = [bill(100, 1_000_000, "2026-11-20"), bill(300, 2_950_000, "2027-05-20")];
    const ladder = liquidityLadder(5_00, bills, today);
    expect(ladder[0]).toEqual({ date: today, maturingCents: 1_000_000, availableCents: 1_000_500 });
    expect(ladder.at(-1)!.availableCents).toBe(500 + 1_000_000 + 3_000_000);
  });

  it("is a single rung of cash when nothing is held", () => {
    expect(liquidityLadder(0, [], today)).toEqual([
      { date: today, maturingCents: 0, availableCents: 0 },
    ]);
  });
});
