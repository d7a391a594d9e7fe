/**
 * What the transactions page works out from the rows it has loaded: Jiko's list has no text
 * search and orders by booked time only, so searching and sorting by amount happen here, on the
 * loaded pages, and the page says so. Money stays in integer cents.
 */
import { counterpartyOf, signedCents } from "./jiko/transaction-terms";
import type { Transaction } from "./jiko/transactions";
import { centsToDecimalString } from "./money";
import { dateSpan, type TransactionFilters } from "./transaction-filters";
import { parseTypedDollars } from "./typed-dollars";

/** The text a search looks in: payee and description, memo, references. */
function searchableText(t: Transaction): string {
  const parts: (string | null | undefined)[] = [
    t.title,
    t.description,
    counterpartyOf(t),
    t.remittance_information?.unstructured,
  ];
  if (t.type === "ACH") parts.push(t.company_name, t.company_entry_description);
  if (t.type === "CARD") parts.push(t.merchant_name);
  return parts.filter(Boolean).join("\n").toLowerCase();
}

/**
 * Whether a row matches what was typed: words anywhere in its text (all of them), or an amount
 * ("1,250", "$1250.00") equal to the row's, or digits the amount starts with ("125").
 */
export function matchesSearch(t: Transaction, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const amount = parseTypedDollars(q);
  if (amount.ok) {
    if (Math.abs(t.amount.value) === amount.cents) return true;
    const digits = q.replace(/^\$\s*/, "").replaceAll(",", "");
    if (centsToDecimalString(Math.abs(t.amount.value)).startsWith(digits)) return true;
  }
  const text = searchableText(t);
  return q.split(/\s+/).every((word) => text.includes(word));
}

export type AmountSort = "desc" | "asc";

/** Rows by signed amount (money in above money out when descending); ties keep their order. */
export function sortByAmount(rows: readonly Transaction[], sort: AmountSort): Transaction[] {
  const dir = sort === "desc" ? -1 : 1;
  return [...rows].sort((a, b) => dir * (signedCents(a) - signedCents(b)));
}

export type Totals = { count: number; inCents: number; outCents: number; netCents: number };

/** Money in, money out (a positive number) and the net of the rows, in cents. */
export function totalsOf(rows: readonly Transaction[]): Totals {
  let inCents = 0;
  let outCents = 0;
  for (const t of rows) {
    const cents = signedCents(t);
    if (cents >= 0) inCents += cents;
    else outCents -= cents;
  }
  return { count: rows.length, inCents, outCents, netCents: inCents - outCents };
}

/**
 * Whether a running balance can be worked back from the pocket's value today: exactly one pocket,
 * newest first, nothing filtered out between now and the oldest row (no type, direction or
 * amount filter, and a date range, if any, that runs to today).
 */
export function runningBalanceApplies(f: TransactionFilters, today: string): boolean {
  if (f.pocket?.length !== 1 || f.order === "asc") return false;
  if (f.type?.length || f.direction || f.min || f.max) return false;
  const to = dateSpan(f, today).to;
  return to === undefined || to >= today;
}

/**
 * The balance just after each row (rows newest first): the value now, less every newer row.
 * Only as exact as `nowCents` and the rows: earnings between transactions are not rows.
 */
export function runningBalances(rows: readonly Transaction[], nowCents: number): number[] {
  const out: number[] = [];
  let balance = nowCents;
  for (const t of rows) {
    out.push(balance);
    balance -= signedCents(t);
  }
  return out;
}
