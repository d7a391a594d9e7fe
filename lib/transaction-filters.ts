/**
 * The transactions page's filters as they live in the URL (shareable, bookmarkable, savable as a
 * named view): one schema read by the server page, the routes and the browser alike, and their
 * translation to Jiko's query. Amounts are typed in dollars and become integer cents here.
 */
import { z } from "zod";
import { endOfDay, nyDate, startOfDay } from "./dates";
import { addDays } from "./jiko/business-days";
import { Direction, type TransactionQuery, TransactionType } from "./jiko/transactions";
import { centsToDecimalString, decimalStringToCents, parseTypedDollars } from "./money";

/** Rows per page of the list (Jiko's maximum). */
export const TRANSACTIONS_PAGE_SIZE = 100;

export const DATE_PRESETS = {
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  mtd: "Month to date",
  qtd: "Quarter to date",
  ytd: "Year to date",
  custom: "Custom range",
} as const;
export type DatePreset = keyof typeof DATE_PRESETS;
export const DatePresetSchema = z.enum(Object.keys(DATE_PRESETS) as [DatePreset, ...DatePreset[]]);

/** The earliest day a date filter takes: Jiko's ledger history starts after it. */
export const EARLIEST_DAY = "2000-01-01";
/** Today in New York, the last day a date filter takes (nothing is booked in the future). */
export const latestDay = () => nyDate(new Date().toISOString());

/**
 * A day a person typed for a filter, between EARLIEST_DAY and today (New York). Far-off years
 * (0001, 9999) are refused here, naming the field, rather than reaching Jiko.
 */
export const boundedDay = (label: string) =>
  z.iso
    .date(`${label}: enter a date like 2026-01-31`)
    .refine((d) => d >= EARLIEST_DAY && d <= latestDay(), {
      error: () => `${label} must be between ${EARLIEST_DAY} and today (${latestDay()}, New York)`,
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

const KEYS = ["pocket", "type", "direction", "range", "from", "to", "min", "max", "order"] as const;
const REPEATED = new Set(["pocket", "type"]);

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/** Search params as a filter schema reads them: repeated keys as arrays, empty ones dropped. */
export function searchInput(
  params: Params,
  keys: readonly string[],
  repeated: ReadonlySet<string>,
) {
  const raw: Record<string, string | string[]> = {};
  for (const k of keys) {
    const values =
      params instanceof URLSearchParams
        ? params.getAll(k)
        : ([] as string[]).concat(params[k] ?? []);
    const kept = values.filter((v) => v !== "");
    if (kept.length) raw[k] = repeated.has(k) ? kept : (kept[0] as string);
  }
  return raw;
}

/** Filters back to a search string, keys in a fixed order so equal filters give equal strings. */
export function searchOf(
  f: Record<string, string | string[] | undefined>,
  keys: readonly string[],
) {
  const p = new URLSearchParams();
  for (const k of keys) {
    const v = f[k];
    if (Array.isArray(v)) for (const x of v) p.append(k, x);
    else if (v) p.set(k, v);
  }
  return p.toString();
}

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

export const transactionFilterInput = (params: Params) => searchInput(params, KEYS, REPEATED);

export const parseTransactionFilters = (params: Params): TransactionFilters =>
  parseLeniently(TransactionFilters, transactionFilterInput(params));

export const transactionFiltersToSearch = (f: TransactionFilters) => searchOf(f, KEYS);

/** The inclusive New York days a filter covers, resolving presets against `today`. */
export function dateSpan(
  f: Pick<TransactionFilters, "range" | "from" | "to">,
  today: string,
): { from?: string; to?: string } {
  switch (f.range) {
    case "7d":
      return { from: addDays(today, -6), to: today };
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "mtd":
      return { from: `${today.slice(0, 8)}01`, to: today };
    case "qtd": {
      const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1;
      return { from: `${today.slice(0, 5)}${String(q).padStart(2, "0")}-01`, to: today };
    }
    case "ytd":
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case "custom":
      return { from: f.from, to: f.to };
    default:
      return {};
  }
}

/** Jiko's query for the filters (without cursor and limit). */
export function toJikoQuery(
  f: TransactionFilters,
  today: string,
): Omit<TransactionQuery, "cursor" | "limit"> {
  const span = dateSpan(f, today);
  return {
    ...(f.pocket?.length && { "pocket[]": f.pocket }),
    ...(f.type?.length && { "type[]": f.type }),
    ...(f.direction && { direction: f.direction }),
    ...(span.from && { time_booked_from: startOfDay(span.from) }),
    ...(span.to && { time_booked_to: endOfDay(span.to) }),
    ...(f.min && { amount_from: decimalStringToCents(f.min) }),
    ...(f.max && { amount_to: decimalStringToCents(f.max) }),
    ...(f.order && { order: f.order }),
  };
}
