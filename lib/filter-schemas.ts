/**
 * What a person may put in a page's URL filters, checked: one schema per page, read by the server
 * page, the routes and the filter bar alike. A shared link with a malformed part still opens,
 * without that part (`parseLeniently`). The filter bars load this module when a person starts on
 * them, so zod stays out of the pages' first load.
 */
import { z } from "zod";
import { StatementType } from "./jiko/statements";
import { Direction, TransactionType } from "./jiko/transactions";
import { centsToDecimalString } from "./money";
import { statementFilterInput } from "./statement-filters";
import { tradeFilterInput } from "./trade-filters";
import {
  DATE_PRESETS,
  type DatePreset,
  dayIssue,
  type Params,
  transactionFilterInput,
} from "./transaction-filters";
import { parseTypedDollars } from "./typed-dollars";

export const DatePresetSchema = z.enum(Object.keys(DATE_PRESETS) as [DatePreset, ...DatePreset[]]);

/**
 * A day a person typed for a filter, between EARLIEST_DAY and today (New York). Far-off years
 * (0001, 9999) are refused here, naming the field, rather than reaching Jiko (the rule is
 * `dayIssue`, which forms checking days as they are typed use without zod).
 */
export const boundedDay = (label: string) =>
  z.string().superRefine((day, ctx) => {
    const issue = dayIssue(label, day);
    if (issue) ctx.addIssue({ code: "custom", message: issue });
  });

/**
 * Dollars as typed ("1,000", "$1,000.50", "1000.5"), kept in the URL as a plain decimal
 * ("1000.00") so a link reads the same whatever was typed. The sign comes from the direction.
 */
const Dollars = z.string().transform((text, ctx) => {
  const read = parseTypedDollars(text);
  if (read.ok) return centsToDecimalString(read.cents);
  ctx.addIssue({ code: "custom", message: read.message });
  return z.NEVER;
});

/** Cents of an amount, or undefined when it is absent or unreadable (never throws). */
const centsOf = (text: unknown) => {
  const read = typeof text === "string" ? parseTypedDollars(text) : undefined;
  return read?.ok ? read.cents : undefined;
};

/** One value or several, as a list (`?pocket=a&pocket=b`). */
export const list = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[])
    .optional();

export const TransactionFilters = z
  .object({
    pocket: list(z.uuid()),
    type: list(TransactionType),
    direction: Direction.optional(),
    range: DatePresetSchema.optional(),
    from: boundedDay("From").optional(),
    to: boundedDay("To").optional(),
    min: Dollars.optional(),
    max: Dollars.optional(),
    /** Booked-time order, Jiko's own `order` (newest first unless asked). */
    order: z.enum(["asc", "desc"]).optional(),
  })
  .refine((f) => f.range !== "custom" || f.from || f.to, {
    message: "A custom range needs a start or an end date",
    path: ["from"],
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "To is before From",
    path: ["to"],
  })
  .refine((f) => !(Number(centsOf(f.min)) > Number(centsOf(f.max))), {
    message: "The minimum is above the maximum",
    path: ["max"],
  });
export type TransactionFilters = z.infer<typeof TransactionFilters>;

/** Lenient parsing: a shared link with a malformed part still opens, without that part. */
export function parseLeniently<S extends z.ZodType>(
  schema: S,
  raw: Record<string, unknown>,
): z.infer<S> {
  const whole = schema.safeParse(raw);
  if (whole.success) return whole.data;
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (schema.safeParse({ ...kept, [k]: v }).success) kept[k] = v;
  }
  return schema.parse(kept);
}

export const parseTransactionFilters = (params: Params): TransactionFilters =>
  parseLeniently(TransactionFilters, transactionFilterInput(params));

export const TradeFilters = z
  .object({
    pocket: list(z.uuid()),
    range: DatePresetSchema.optional(),
    from: boundedDay("From").optional(),
    to: boundedDay("To").optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "To is before From",
    path: ["to"],
  });
export type TradeFilters = z.infer<typeof TradeFilters>;

export const parseTradeFilters = (params: Params): TradeFilters =>
  parseLeniently(TradeFilters, tradeFilterInput(params));

export const StatementFilters = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  month: z
    .string()
    .regex(/^(0[1-9]|1[0-2])$/)
    .optional(),
  type: list(StatementType),
  pocket: z.uuid().optional(),
});
export type StatementFilters = z.infer<typeof StatementFilters>;

export const parseStatementFilters = (params: Params): StatementFilters =>
  parseLeniently(StatementFilters, statementFilterInput(params));
