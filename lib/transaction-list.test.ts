import { describe, expect, it } from "vitest";
import { Transaction } from "./jiko/transactions";
import {
  matchesSearch,
  runningBalanceApplies,
  runningBalances,
  sortByAmount,
  totalsOf,
} from "./transaction-list";

const POCKET = "189e503f-718f-5c01-871f-1c5cc7137423";
let n = 0;

/** A transaction as Jiko sends it (parsed by the contract), with what a test varies. */
function tx(o: {
  cents: number;
  direction: "CREDIT" | "DEBIT";
  title?: string;
  memo?: string;
  merchant?: string;
}): Transaction {
  n++;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  return Transaction.parse({
    id,
    transaction_id: id,
    description: `${o.title ?? "Transfer"} description`,
    amount: { value: o.cents, currency: "USD" },
    time_booked: `2026-11-${String(10 + (n % 15)).padStart(2, "0")}T15:00:00Z`,
    time_settled: null,
    status: "SETTLED",
    title: o.title ?? "Transfer",
    direction: o.direction,
    pocket_id: POCKET,
    customer_id: POCKET,
    remittance_information: o.memo ? { unstructured: o.memo } : null,
    ...(o.merchant ? { type: "CARD", merchant_name: o.merchant } : { type: "GENERIC" as const }),
  });
}

const payroll = tx({ cents: 1_250_000, direction: "DEBIT", title: "Payroll run", memo: "Nov 2" });
const refund = tx({ cents: 12_550, direction: "CREDIT", title: "Refund", memo: "INV-2291" });
const coffee = tx({ cents: 1_250, direction: "DEBIT", title: "Card", merchant: "Blue Bottle" });
const rows = [payroll, refund, coffee];

describe("searching the loaded rows", () => {
  const find = (q: string) => rows.filter((t) => matchesSearch(t, q)).map((t) => t.title);

  it("finds payee, description and memo text, every word, any case", () => {
    expect(find("payroll")).toEqual(["Payroll run"]);
    expect(find("inv-2291")).toEqual(["Refund"]);
    expect(find("blue bottle")).toEqual(["Card"]);
    expect(find("blue payroll")).toEqual([]);
    expect(find("  ")).toEqual(["Payroll run", "Refund", "Card"]);
  });

  it("finds amounts as typed, exactly or by their leading digits", () => {
    expect(find("$12,500")).toEqual(["Payroll run"]);
    expect(find("125.50")).toEqual(["Refund"]);
    expect(find("12.50")).toEqual(["Card"]);
    expect(find("125")).toEqual(["Payroll run", "Refund"]);
  });
});

describe("sorting and totals", () => {
  it("sorts by signed amount, money in first when descending", () => {
    expect(sortByAmount(rows, "desc").map((t) => t.title)).toEqual([
      "Refund",
      "Card",
      "Payroll run",
    ]);
    expect(sortByAmount(rows, "asc").map((t) => t.title)).toEqual([
      "Payroll run",
      "Card",
      "Refund",
    ]);
    expect(rows.map((t) => t.title)).toEqual(["Payroll run", "Refund", "Card"]);
  });

  it("totals money in, money out and the net in whole cents", () => {
    expect(totalsOf(rows)).toEqual({
      count: 3,
      inCents: 12_550,
      outCents: 1_251_250,
      netCents: -1_238_700,
    });
    expect(totalsOf([])).toEqual({ count: 0, inCents: 0, outCents: 0, netCents: 0 });
  });
});

describe("running balance", () => {
  it("works back from the value now through the newer rows", () => {
    // 1,000,000.00 now; newest first: −12,500.00, +125.50, −12.50.
    expect(runningBalances(rows, 100_000_000)).toEqual([100_000_000, 101_250_000, 101_237_450]);
  });

  it("applies to one pocket, newest first, with nothing filtered out since", () => {
    const today = "2026-11-23";
    expect(runningBalanceApplies({ pocket: [POCKET] }, today)).toBe(true);
    expect(runningBalanceApplies({ pocket: [POCKET], range: "30d" }, today)).toBe(true);
    expect(runningBalanceApplies({}, today)).toBe(false);
    expect(runningBalanceApplies({ pocket: [POCKET, POCKET] }, today)).toBe(false);
    expect(runningBalanceApplies({ pocket: [POCKET], order: "asc" }, today)).toBe(false);
    expect(runningBalanceApplies({ pocket: [POCKET], direction: "DEBIT" }, today)).toBe(false);
    expect(runningBalanceApplies({ pocket: [POCKET], min: "10.00" }, today)).toBe(false);
    expect(
      runningBalanceApplies({ pocket: [POCKET], range: "custom", to: "2026-11-01" }, today),
    ).toBe(false);
  });
});
