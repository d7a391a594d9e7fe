/**
 * Trades: the buying, selling and maturing of T-bills in a pocket's brokerage account. v1's
 * Trade is documented field by field (Partner OpenAPI, contract-notes §4); v2 items are a union
 * on `activity` of which only the BUY item's first fields are known: the rest of v2 is INFERRED
 * as v1's security fields with v2's own dates and status. v2's security-transfer variants are not
 * documented and not modelled.
 */
import { z } from "zod";
import { cursorList, IsoDateTime, Money } from "./common";
import { DecimalString } from "./pockets";

export const TRADE_ACTIVITIES = ["BUY", "SELL", "MATURITY"] as const;
export const TradeActivity = z.enum(TRADE_ACTIVITIES);
export type TradeActivity = z.infer<typeof TradeActivity>;

export const Trade = z.object({
  id: z.uuid(),
  description: z.string(),
  trade_datetime: IsoDateTime,
  settled_date: z.iso.date().nullable().optional(),
  is_settled: z.boolean(),
  activity: TradeActivity,
  cusip: z.string(),
  notional: Money,
  quantity: z.number().int(),
  price: DecimalString,
  maturity_date: z.iso.date(),
  /** The pocket. */
  jiko_account_id: z.uuid(),
  yield_to_maturity: DecimalString,
  tradable_id: z.string(),
  object_type: z.literal("Trade").optional(),
});
export type Trade = z.infer<typeof Trade>;
export const TradeList = cursorList(Trade);
export type TradeList = z.infer<typeof TradeList>;

const tradeV2 = <A extends TradeActivity>(activity: A) =>
  z.object({
    id: z.uuid(),
    trade_datetime: IsoDateTime,
    book_date: z.iso.date(),
    settled_date: z.iso.date().nullable(),
    status: z.enum(["BOOKED", "SETTLED"]),
    pocket_id: z.uuid(),
    activity: z.literal(activity),
    description: z.string(),
    cusip: z.string(),
    quantity: z.number().int(),
    price: DecimalString,
    notional: Money,
    maturity_date: z.iso.date(),
    yield_to_maturity: DecimalString,
  });
export const TradeV2 = z.discriminatedUnion("activity", [
  tradeV2("BUY"),
  tradeV2("SELL"),
  tradeV2("MATURITY"),
]);
export type TradeV2 = z.infer<typeof TradeV2>;
export const TradeV2List = cursorList(TradeV2);
export type TradeV2List = z.infer<typeof TradeV2List>;

const date = z.iso.date();

/** v1's list and CSV query (the CSV ignores cursor and limit). */
export const TradeListQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  "account[]": z.array(z.uuid()).optional(),
  book_date_from: date.optional(),
  book_date_to: date.optional(),
  settlement_date_from: date.optional(),
  settlement_date_to: date.optional(),
  trade_datetime_from: IsoDateTime.optional(),
  trade_datetime_to: IsoDateTime.optional(),
});
export type TradeListQuery = z.infer<typeof TradeListQuery>;
export const TRADE_ARRAY_PARAMS = ["account[]", "pocket_id[]"] as const;

export const TradeV2ListQuery = TradeListQuery.omit({ "account[]": true }).extend({
  "pocket_id[]": z.array(z.uuid()).optional(),
  order: z.enum(["desc", "asc"]).optional(),
});
export type TradeV2ListQuery = z.infer<typeof TradeV2ListQuery>;

/** INFERRED: trades.csv's columns are not documented; these are v1's fields in order. */
export const TRADE_CSV_COLUMNS = [
  "id",
  "trade_datetime",
  "settled_date",
  "activity",
  "cusip",
  "description",
  "quantity",
  "price",
  "notional",
  "currency",
  "maturity_date",
  "yield_to_maturity",
  "account_id",
] as const;
