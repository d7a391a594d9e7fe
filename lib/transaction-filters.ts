/**
 * The transactions page's filters as they live in the URL (shareable, bookmarkable, savable as a
 * named view), and their translation to Jiko's query. Amounts are typed in dollars and become
 * integer cents here. No zod: the pages draw with these at first load; the schemas that check
 * the URL and the filter bar (one for the server page, the routes and the browser alike) are in
 * lib/filter-schemas.ts.
 */
import { endOfDay, nyDate, startOfDay } from "./dates";
import type { TransactionFilters } from "./filter-schemas";
import { addDays } from "./jiko/business-days";
import type { TransactionQuery } from "./jiko/transactions";
import { decimalStringToCents } from "./money";

export type { TransactionFilters };

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

/** The earliest day a date filter takes: Jiko's ledger history starts after it. */
export const EARLIEST_DAY = "2000-01-01";
/** Today in New York, the last day a date filter takes (nothing is booked in the future). */
export const latestDay = () => nyDate(new Date().toISOString());

/** Whether text is a real calendar day written "YYYY-MM-DD" (not 2026-02-30). */
const isCalendarDay = (text: string) =>
  /^\d{4}-\d\d-\d\d$/.test(text) &&
  new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;

/**
 * Why a day a person typed is refused (`label` names the field), or undefined: it must be a
 * calendar day between EARLIEST_DAY and today in New York. The one rule behind the filters'
 * `boundedDay` (lib/filter-schemas.ts) and the forms that check days as they are typed.
 */
export function dayIssue(label: string, day: string): string | undefined {
  if (!isCalendarDay(day)) return `${label}: enter a date like 2026-01-31`;
  const latest = latestDay();
  if (day < EARLIEST_DAY || day > latest)
    return `${label} must be between ${EARLIEST_DAY} and today (${latest}, New York)`;
  return undefined;
}

const KEYS = ["pocket", "type", "direction", "range", "from", "to", "min", "max", "order"] as const;
const REPEATED = new Set(["pocket", "type"]);

export type Params = URLSearchParams | Record<string, string | string[] | undefined>;

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

export const transactionFilterInput = (params: Params) => searchInput(params, KEYS, REPEATED);

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
