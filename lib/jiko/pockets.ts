/**
 * Pockets v2 and their earnings (contract-notes §2).
 *
 * Published: Pocket's id, pocket_name, portfolio, status, attributes, deposit_strategy_id,
 * reinvestment_strategy_id, type, customer_id, object_type; the FIXED_INCOME security's fields;
 * the earnings response; UpdatePocketRequest's fields and the close rules; CreatePocketRequest's
 * trading_strategy_id and pocket_name.
 * INFERRED (marked below): the portfolio's fields beyond `securities` (the Partner v1 Portfolio has
 * cash and all_time_earnings; Jiko's changelog adds pricing_timestamp and appreciation_per_second),
 * number formats of decimal strings, `closure_reason` values, and CreatePocketRequest's optional
 * reinvestment strategy.
 */
import { z } from "zod";
import { cursorList, IsoDateTime, Money } from "./common";
import { CLOSURE_REASONS, POCKET_NAME_MAX, pocketNameIssue } from "./pocket-terms";

export { CLOSURE_REASONS, POCKET_NAME_MAX, pocketNameIssue };

export const POCKET_STATUSES = ["PENDING", "OPEN", "FROZEN", "CLOSED"] as const;
export const PocketStatus = z.enum(POCKET_STATUSES);
export type PocketStatus = z.infer<typeof PocketStatus>;

/** Decimal numbers travel as strings (pydantic Decimal). */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, "a decimal number as a string");
const IsoDate = z.iso.date();

/** A T-bill held in the pocket. quantity = number of $100-face units (INFERRED unit). */
export const FixedIncomeSecurity = z.object({
  type: z.literal("FIXED_INCOME"),
  cusip: z.string().length(9),
  description: z.string(),
  quantity: z.number().int().nonnegative(),
  market_value: Money,
  /** Price per 100 of face, e.g. "99.412345". */
  jiko_mark_price: DecimalString,
  maturity_date: IsoDate,
  /** Annual rate as a fraction, e.g. "0.043125" (INFERRED: fraction, not percent). */
  yield_to_maturity: DecimalString,
});

export const OtherSecurity = z.object({
  type: z.literal("OTHER"),
  cusip: z.string(),
  description: z.string(),
  quantity: z.number().int().nonnegative(),
  market_value: Money,
  jiko_mark_price: DecimalString,
});

export const Security = z.discriminatedUnion("type", [FixedIncomeSecurity, OtherSecurity]);
export type Security = z.infer<typeof Security>;
export type FixedIncomeSecurity = z.infer<typeof FixedIncomeSecurity>;

export const Portfolio = z.object({
  securities: z.array(Security),
  /** INFERRED (Partner v1): cash held in the brokerage account, not yet invested. */
  cash: Money,
  /** INFERRED: cash + market value of the securities. */
  total_value: Money,
  /** INFERRED (Partner v1): earnings since the pocket opened. */
  all_time_earnings: Money,
  /** INFERRED: market-value-weighted yield to maturity of the holdings, as a fraction. */
  current_yield: DecimalString,
  /** Jiko changelog: when the prices were taken, and the accrual rate in cents per second. */
  pricing_timestamp: IsoDateTime.nullable(),
  appreciation_per_second: DecimalString.nullable(),
});
export type Portfolio = z.infer<typeof Portfolio>;

export const Pocket = z.object({
  id: z.uuid(),
  pocket_name: z.string(),
  portfolio: Portfolio.nullable(),
  status: PocketStatus,
  attributes: z.array(z.string()),
  deposit_strategy_id: z.string(),
  reinvestment_strategy_id: z.string().nullable(),
  type: z.string(),
  customer_id: z.uuid(),
  object_type: z.literal("Pocket"),
});
export type Pocket = z.infer<typeof Pocket>;

export const PocketList = cursorList(Pocket);
export type PocketList = z.infer<typeof PocketList>;

/** A pocket's name as a person types it, trimmed (the rules are `pocketNameIssue`'s). */
export const PocketName = z
  .string()
  .trim()
  .superRefine((name, ctx) => {
    const issue = pocketNameIssue(name);
    if (issue) ctx.addIssue({ code: "custom", message: issue });
  });

export const CreatePocketRequest = z.object({
  pocket_name: PocketName,
  trading_strategy_id: z.string().min(1),
  /** INFERRED: optional; defaults to the deposit strategy. */
  reinvestment_strategy_id: z.string().min(1).optional(),
});
export type CreatePocketRequest = z.infer<typeof CreatePocketRequest>;

export const ClosureReason = z.enum(CLOSURE_REASONS);

export const UpdatePocketRequest = z
  .object({
    pocket_name: PocketName.optional(),
    status: z.literal("CLOSED").optional(),
    closure_reason: ClosureReason.optional(),
    deposit_strategy_id: z.string().min(1).optional(),
    reinvestment_strategy_id: z.string().min(1).optional(),
  })
  .strict();
export type UpdatePocketRequest = z.infer<typeof UpdatePocketRequest>;

export const EARNINGS_PERIODS = ["wtd", "mtd", "ytd", "all-time", "range"] as const;
export const EarningsPeriod = z.enum(EARNINGS_PERIODS);
export type EarningsPeriod = z.infer<typeof EarningsPeriod>;

export const Earnings = z.object({
  earnings: Money,
  date_from: IsoDate.nullable(),
  date_to: IsoDate,
  pricing_timestamp: IsoDateTime.nullable(),
  /** INFERRED format: cents per second, as a decimal string. */
  appreciation_per_second: DecimalString.nullable(),
});
export type Earnings = z.infer<typeof Earnings>;
