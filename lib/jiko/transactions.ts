/**
 * Transactions v2: movements of cash in and out of a pocket's bank account (never the sweeps
 * between its bank and brokerage accounts). Jiko documents the common fields and the ACH variant
 * in full; the other variants' own fields are INFERRED from Jiko's naming (the `*_id` of the
 * underlying transfer, as webhook payloads carry `wire_id` and `on_us_id`) and kept here alone.
 */
import { z } from "zod";
import { cursorList, IsoDateTime, Money } from "./common";
import { TRANSACTION_TYPES } from "./transaction-terms";

// What pages draw with (labels' keys, the other party, CSV cells) lives without zod.
export * from "./transaction-terms";

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
