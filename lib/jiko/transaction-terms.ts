// No zod here: the ledger pages and the approval queue use these at first load
// (lib/jiko/transactions.ts holds the schemas and the contract's notes).
import { centsToDecimalString } from "../money";
import type { Transaction } from "./transactions";

export const TRANSACTION_TYPES = [
  "ACH",
  "WIRE",
  "CARD",
  "ON_US",
  "FEE",
  "CREDIT",
  "GENERIC",
] as const;

export const TRANSACTION_ARRAY_PARAMS = [
  "pocket[]",
  "type[]",
  "on_us_transfer[]",
  "wire[]",
] as const;

/** Net effect on the pocket's cash, in cents: credits in, debits out. */
export const signedCents = (t: Pick<Transaction, "direction" | "amount">) =>
  t.direction === "CREDIT" ? t.amount.value : -t.amount.value;

/**
 * INFERRED: Jiko documents transactions.csv's filters but not its columns. These follow the
 * list's fields, with the amount as a decimal in the currency for accounting imports and the
 * other party from whichever field the variant carries it in.
 */
export const TRANSACTION_CSV_COLUMNS = [
  "id",
  "transaction_id",
  "time_booked",
  "time_settled",
  "status",
  "type",
  "direction",
  "amount",
  "currency",
  "pocket_id",
  "title",
  "description",
  "counterparty",
] as const;

/** The other party of a transaction, from the field its variant carries it in. */
export function counterpartyOf(t: Transaction): string | null {
  switch (t.type) {
    case "ACH":
      return t.company_name;
    case "WIRE":
    case "ON_US":
      return t.counterparty_name ?? null;
    case "CARD":
      return t.merchant_name ?? null;
    default:
      return null;
  }
}

export function transactionCsvCells(
  t: Transaction,
): Record<(typeof TRANSACTION_CSV_COLUMNS)[number], string> {
  return {
    id: t.id,
    transaction_id: t.transaction_id,
    time_booked: t.time_booked,
    time_settled: t.time_settled ?? "",
    status: t.status,
    type: t.type,
    direction: t.direction,
    amount: centsToDecimalString(t.amount.value),
    currency: t.amount.currency,
    pocket_id: t.pocket_id,
    title: t.title,
    description: t.description,
    counterparty: counterpartyOf(t) ?? "",
  };
}
