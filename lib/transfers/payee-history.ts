/**
 * What a careful approver wants to know of a payee before money goes out: paid before or not,
 * when last, how often, how much usually, and whether this amount is out of line. Built from the
 * ledger's outgoing transactions whose other party carries the payee's name (Jiko links a
 * transaction to a payee by name only: `counterparty_name`, `company_name`).
 */
import { counterpartyOf } from "../jiko/transaction-terms";
import type { Transaction } from "../jiko/transactions";

export interface PayeeHistory {
  count: number;
  lastPaidAt: string | null;
  lastAmountCents: number | null;
  /** Median of past payments (cents), null with none. */
  typicalCents: number | null;
  largestCents: number | null;
  /** Why this amount stands out, or null. */
  unusual: string | null;
}

const normalise = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/**
 * An amount is unusual when it is more than three times the typical payment or more than one and
 * a half times the largest before; a first payment is flagged by `count === 0` instead.
 */
export const UNUSUAL_TIMES_TYPICAL = 3;
export const UNUSUAL_TIMES_LARGEST = 1.5;

export function payeeHistory(
  payeeName: string,
  transactions: readonly Transaction[],
  amountCents: number | null,
): PayeeHistory {
  const name = normalise(payeeName);
  const paid = transactions
    .filter((t) => t.direction === "DEBIT" && normalise(counterpartyOf(t) ?? "") === name)
    .sort((a, b) => b.time_booked.localeCompare(a.time_booked));
  if (paid.length === 0) {
    return {
      count: 0,
      lastPaidAt: null,
      lastAmountCents: null,
      typicalCents: null,
      largestCents: null,
      unusual: null,
    };
  }
  const amounts = paid.map((t) => t.amount.value).sort((a, b) => a - b);
  const typical = median(amounts);
  const largest = amounts[amounts.length - 1]!;
  let unusual: string | null = null;
  if (amountCents !== null && amountCents > largest * UNUSUAL_TIMES_LARGEST) {
    unusual = "More than 1.5 times the largest payment to this payee";
  } else if (amountCents !== null && amountCents > typical * UNUSUAL_TIMES_TYPICAL) {
    unusual = "More than 3 times the typical payment to this payee";
  }
  return {
    count: paid.length,
    lastPaidAt: paid[0]!.time_booked,
    lastAmountCents: paid[0]!.amount.value,
    typicalCents: typical,
    largestCents: largest,
    unusual,
  };
}
