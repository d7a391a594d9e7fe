/**
 * Transactions v2: movements of cash in and out of a pocket's bank account (never the sweeps
 * between its bank and brokerage accounts). Jiko documents the common fields and the ACH variant
 * in full; the other variants' own fields are INFERRED from Jiko's naming (the `*_id` of the
 * underlying transfer, as webhook payloads carry `wire_id` and `on_us_id`) and kept here alone.
 */
import { z } from "zod";
import { centsToDecimalString } from "../money";
import { cursorList, IsoDateTime, Money } from "./common";

export const TRANSACTION_TYPES = [
  "ACH",
  "WIRE",
  "CARD",
  "ON_US",
  "FEE",
  "CREDIT",
  "GENERIC",
] as const;
export const TransactionType = z.enum(TRANSACTION_TYPES);
export type TransactionType = z.infer<typeof TransactionType>;

export const Direction = z.enum(["DEBIT", "CREDIT"]);
export type Direction = z.infer<typeof Direction>;

export const TransactionStatus = z.enum(["BOOKED", "SETTLED"]);

/** INFERRED: Jiko names the object (RemittanceInformation) but not its fields; ISO 20022's. */
export const RemittanceInformation = z.object({
  unstructured: z.string().nullable(),
  end_to_end_identification: z.string().nullable().optional(),
});

const base = {
  /** The transaction from the perspective of this pocket. */
  id: z.uuid(),
  /** The transaction this activity represents (both legs of an on-us transfer share it). */
  transaction_id: z.uuid(),
  description: z.string(),
  amount: Money,
  time_booked: IsoDateTime,
  time_settled: IsoDateTime.nullable(),
  status: TransactionStatus,
  title: z.string(),
  direction: Direction,
  pocket_id: z.uuid(),
  customer_id: z.uuid(),
  remittance_information: RemittanceInformation.nullable().optional(),
};

export const AchTransaction = z.object({
  ...base,
  type: z.literal("ACH"),
  company_name: z.string(),
  company_entry_description: z.string().nullable().optional(),
  individual_identification_number: z.string().nullable().optional(),
  trace_number: z.string().nullable().optional(),
  ach_id: z.uuid().nullable().optional(),
  ach_direction: z.enum(["RECEIVING", "ORIGINATION"]),
  portal_id: z.uuid().nullable().optional(),
});

/** INFERRED fields: the wire's id, the other party, and the Fedwire references. */
export const WireTransaction = z.object({
  ...base,
  type: z.literal("WIRE"),
  wire_id: z.uuid().nullable().optional(),
  counterparty_name: z.string().nullable().optional(),
  imad: z.string().nullable().optional(),
  omad: z.string().nullable().optional(),
  portal_id: z.uuid().nullable().optional(),
});

/** INFERRED fields. */
export const CardTransaction = z.object({
  ...base,
  type: z.literal("CARD"),
  card_id: z.uuid().nullable().optional(),
  card_last4: z.string().nullable().optional(),
  merchant_name: z.string().nullable().optional(),
});

/** INFERRED fields: the transfer's id and the pocket on the other side. */
export const OnUsTransaction = z.object({
  ...base,
  type: z.literal("ON_US"),
  on_us_id: z.uuid().nullable().optional(),
  counterparty_pocket_id: z.uuid().nullable().optional(),
  counterparty_name: z.string().nullable().optional(),
});

/** INFERRED fields: the kind of fee (Jiko's on-us transfers carry `{type: "AUM_FEE"}` fees). */
export const FeeTransaction = z.object({
  ...base,
  type: z.literal("FEE"),
  fee_type: z.string().nullable().optional(),
});

/** INFERRED fields. */
export const CreditTransaction = z.object({
  ...base,
  type: z.literal("CREDIT"),
  reason: z.string().nullable().optional(),
});

export const GenericTransaction = z.object({ ...base, type: z.literal("GENERIC") });

export const Transaction = z.discriminatedUnion("type", [
  AchTransaction,
  WireTransaction,
  CardTransaction,
  OnUsTransaction,
  FeeTransaction,
  CreditTransaction,
  GenericTransaction,
]);
export type Transaction = z.infer<typeof Transaction>;

export const TransactionList = cursorList(Transaction);
export type TransactionList = z.infer<typeof TransactionList>;

/** The list's query: every documented filter (the repeatable ones as arrays). */
export const TransactionListQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  order: z.enum(["desc", "asc"]).optional(),
  "pocket[]": z.array(z.uuid()).optional(),
  "type[]": z.array(TransactionType).optional(),
  "on_us_transfer[]": z.array(z.uuid()).optional(),
  "wire[]": z.array(z.uuid()).optional(),
  time_booked_from: IsoDateTime.optional(),
  time_booked_to: IsoDateTime.optional(),
  amount_from: z.coerce.number().int().optional(),
  amount_to: z.coerce.number().int().optional(),
  direction: Direction.optional(),
});
export type TransactionQuery = z.infer<typeof TransactionListQuery>;
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
