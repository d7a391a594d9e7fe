import { describe, expect, it } from "vitest";
import { addDays, isBusinessDay } from "../../lib/jiko/business-days";
import { discountRate, tenorRates } from "./curve";
import { billCusip, billDescription, cusipCheckDigit, isValidCusip } from "./cusip";
import { type Book, billPrice, InsufficientFunds, newBook, runDay } from "./engine";
import {
  accrualPerSecond,
  formatPrice,
  marketValueCents,
  priceMicros,
  unitsFor,
  unitsToRaise,
  yieldToMaturity,
} from "./pricing";

describe("pricing (discount yield, actual/360)", () => {
  it("a 91-day bill at 4.200 %", () => {
    // P = 100 × (1 − 0.042 × 91/360) = 100 × (1 − 0.0106166…) = 98.9383333… → 98.938333
    const pm = priceMicros(4200, 91);
    expect(formatPrice(pm)).toBe("98.938333");
    // $1,000,000 of face = 10,000 units of $100: 1,000,000 × 98.938333 / 100 = $989,383.33
    expect(marketValueCents(10_000, pm)).toBe(98_938_333);
    // YTM = (100 − 98.938333) / 98.938333 × 365/91 = 0.0107306… × 4.010989… = 0.043040…
    expect(yieldToMaturity(pm, 91)).toBe("0.043040");
  });

  it("a 28-day bill at 5.250 % and a 364-day bill at 3.900 %", () => {
    // 100 × (1 − 0.0525 × 28/360) = 100 × (1 − 0.00408333…) = 99.591667 (rounded half up)
    expect(formatPrice(priceMicros(5250, 28))).toBe("99.591667");
    // 100 × (1 − 0.039 × 364/360) = 100 × (1 − 0.0394333…) = 96.056667
    const pm = priceMicros(3900, 364);
    expect(formatPrice(pm)).toBe("96.056667");
    // $250,000.00 buys floor(25,000,000 / 9,605.6667) = 2,602 units = $260,200 face,
    // costing round(2,602 × 96.056667) = $249,939.45; $60.55 stays in cash.
    expect(unitsFor(25_000_000, pm)).toBe(2602);
    expect(marketValueCents(2602, pm)).toBe(24_993_945);
    // YTM = (100 − 96.056667) / 96.056667 × 365/364 = 0.0410521… × 1.0027473 = 0.041165
    expect(yieldToMaturity(pm, 364)).toBe("0.041165");
  });

  it("a bill at maturity is worth its face", () => {
    expect(priceMicros(4000, 0)).toBe(100_000_000);
    expect(marketValueCents(7, priceMicros(4000, 0))).toBe(70_000);
  });

  it("units to raise cover the need exactly or just above", () => {
    const pm = priceMicros(4200, 91);
    const q = unitsToRaise(1_000_000, pm); // $10,000.00 / $98.938333 = 101.07 → 102 units
    expect(q).toBe(102);
    expect(marketValueCents(q, pm)).toBeGreaterThanOrEqual(1_000_000);
    expect(marketValueCents(q - 1, pm)).toBeLessThan(1_000_000);
  });

  it("accrual: $1,000,000 of face at 3.600 % earns $100 a day", () => {
    // 100,000,000 cents × 0.036 / 360 = 10,000 cents a day = 0.115740… cents a second
    expect(accrualPerSecond(100_000_000, 3600) * 86_400).toBeCloseTo(10_000, 6);
  });
});

describe("CUSIP", () => {
  it("check digits of real securities", () => {
    expect(cusipCheckDigit("912797NQ")).toBe(6); // T-bill 912797NQ6
    expect(cusipCheckDigit("912797LN")).toBe(5); // T-bill 912797LN5
    expect(cusipCheckDigit("912796YJ")).toBe(2); // T-bill 912796YJ2
    expect(cusipCheckDigit("03783310")).toBe(0); // Apple Inc. 037833100
    expect(isValidCusip("912797NQ6")).toBe(true);
    expect(isValidCusip("912797NQ7")).toBe(false);
  });

  it("one CUSIP per maturity date, with a valid check digit", () => {
    const a = billCusip("2025-03-27");
    expect(a).toMatch(/^912797[0-9A-Z]{2}\d$/);
    expect(isValidCusip(a)).toBe(true);
    expect(billCusip("2025-03-27")).toBe(a);
    expect(billCusip("2025-03-28")).not.toBe(a);
    expect(billDescription("2025-03-27")).toBe("US Treasury Bill 03/27/2025");
  });
});

describe("yield curve", () => {
  it("is deterministic, in a realistic band, and interpolates between tenors", () => {
    expect(tenorRates("2025-06-02")).toEqual(tenorRates("2025-06-02"));
    for (const d of ["2024-11-25", "2025-06-02", "2026-11-23"]) {
      for (const r of tenorRates(d)) expect(r > 3500 && r < 5500).toBe(true);
    }
    const [r4, r13] = tenorRates("2025-06-02");
    const mid = discountRate("2025-06-02", 28 + (91 - 28) / 3); // a third of the way: 49 days
    expect(mid).toBe(Math.round(r4! + (r13! - r4!) / 3));
    // The path falls: about 5.2 % two years before late 2026, about 3.9 % then.
    expect(tenorRates("2024-11-25")[0]).toBeGreaterThan(5000);
    expect(tenorRates("2026-11-23")[0]).toBeLessThan(4100);
  });

  it("wiggles a little from day to day", () => {
    const a = tenorRates("2025-06-02")[0]!;
    const b = tenorRates("2025-06-03")[0]!;
    expect(Math.abs(a - b)).toBeLessThan(60); // under 6 bp
  });
});

const MON = "2025-06-02"; // a Monday, business day

function fundedBook(strategy = "UST-4W", reinvest: string | null = null): Book {
  const book = newBook({
    pocketId: "p",
    depositStrategyId: strategy,
    reinvestmentStrategyId: reinvest,
    openedOn: MON,
  });
  runDay(book, MON, [
    { pocketId: "p", date: MON, kind: "DEPOSIT", amount: 100_000_000, description: "" },
  ]);
  return book;
}

describe("engine", () => {
  it("a deposit buys bills of the deposit strategy's term; the remainder stays cash", () => {
    const book = newBook({
      pocketId: "p",
      depositStrategyId: "UST-13W",
      reinvestmentStrategyId: null,
      openedOn: MON,
    });
    const { trades, eod } = runDay(book, MON, [
      { pocketId: "p", date: MON, kind: "DEPOSIT", amount: 100_000_000, description: "" },
    ]);
    expect(trades).toHaveLength(1);
    const t = trades[0]!;
    expect(t).toMatchObject({ kind: "BUY", tradeDate: MON, maturityDate: "2025-09-02" });
    // Mon June 2 + 91 days = Mon Sept 1 (Labor Day) → Tue Sept 2.
    expect(t.priceMicros).toBe(billPrice(MON, "2025-09-02"));
    expect(t.quantity).toBe(Math.floor((100_000_000 * 10_000) / t.priceMicros));
    expect(book.cash).toBe(100_000_000 - t.amount);
    expect(book.cash).toBeLessThan(t.priceMicros / 10_000);
    expect(eod.total).toBe(100_000_000); // bought at the day's price: no gain yet
  });

  it("a maturity pays face and reinvests per the reinvestment strategy", () => {
    const book = fundedBook("UST-4W", "UST-13W");
    const [lot] = book.lots;
    expect(lot!.maturityDate).toBe("2025-06-30"); // Mon + 28 days
    let day = addDays(MON, 1);
    while (day < "2025-06-30") {
      expect(runDay(book, day).trades).toEqual([]);
      day = addDays(day, 1);
    }
    const cashBefore = book.cash;
    const { trades } = runDay(book, "2025-06-30");
    expect(trades.map((t) => t.kind)).toEqual(["MATURITY", "BUY"]);
    expect(trades[0]).toMatchObject({ quantity: lot!.quantity, amount: lot!.quantity * 10_000 });
    // 13 weeks later: Mon Sept 29 2025.
    expect(trades[1]).toMatchObject({ kind: "BUY", maturityDate: "2025-09-29" });
    expect(book.cash).toBe(cashBefore + lot!.quantity * 10_000 - trades[1]!.amount);
    expect(book.lots).toHaveLength(1);
  });

  it("a withdrawal sells the nearest maturity first", () => {
    const book = fundedBook("UST-52W");
    const tue = addDays(MON, 1);
    // Switch the deposit strategy: the next deposit buys 4-week bills.
    book.depositStrategyId = "UST-4W";
    runDay(book, tue, [
      { pocketId: "p", date: tue, kind: "DEPOSIT", amount: 50_000_000, description: "" },
    ]);
    const near = { ...book.lots.find((l) => l.purchaseDate === tue)! };
    const wed = addDays(MON, 2);
    const { trades } = runDay(book, wed, [
      { pocketId: "p", date: wed, kind: "WITHDRAWAL", amount: 60_000_000, description: "" },
    ]);
    const sells = trades.filter((t) => t.kind === "SELL");
    expect(sells[0]).toMatchObject({ cusip: near.cusip, quantity: near.quantity });
    expect(sells[1]!.maturityDate > near.maturityDate).toBe(true);
    expect(book.cash).toBeGreaterThanOrEqual(0);
    expect(book.lots.every((l) => l.cusip !== near.cusip)).toBe(true);
  });

  it("refuses a withdrawal larger than the pocket", () => {
    const book = fundedBook();
    const tue = addDays(MON, 1);
    expect(() =>
      runDay(book, tue, [
        { pocketId: "p", date: tue, kind: "WITHDRAWAL", amount: 200_000_000, description: "" },
      ]),
    ).toThrow(InsufficientFunds);
  });

  it("weekends keep Friday's prices; Monday's value includes the weekend's accrual", () => {
    const book = fundedBook("UST-26W");
    const fri = "2025-06-06";
    let day = addDays(MON, 1);
    let friTotal = 0;
    for (; day <= "2025-06-09"; day = addDays(day, 1)) {
      const { eod } = runDay(book, day);
      if (day === fri) friTotal = eod.total;
      if (!isBusinessDay(day)) expect(eod.total).toBe(friTotal);
    }
  });
});
