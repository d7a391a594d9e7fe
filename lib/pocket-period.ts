/**
 * A pocket's earnings period as it lives in the pocket page's URL (`?period=custom&from&to`),
 * read alike by the server page (prefetch), the browser (the panel) and the earnings route.
 * Custom days lie between the pocket's opening day (or EARLIEST_DAY) and today in New York. No
 * zod: the panel checks a custom range as it is typed, at the page's first load; the route's
 * schemas, built on the same rules, are in lib/pocket-period-schemas.ts.
 */
import type { EarningsPeriod } from "./jiko/pockets";
import type { EarningsParams } from "./pocket-schemas";
import { dayIssue, EARLIEST_DAY, searchInput, searchOf } from "./transaction-filters";

/** The period's name in the URL, and Jiko's name for it. */
export const URL_PERIODS = {
  week: "wtd",
  month: "mtd",
  ytd: "ytd",
  all: "all-time",
  custom: "range",
} as const satisfies Record<string, EarningsPeriod>;
export type UrlPeriod = keyof typeof URL_PERIODS;

/** Shown when the URL names no period. */
export const DEFAULT_PERIOD: UrlPeriod = "month";

const KEYS = ["period", "from", "to"] as const;

/**
 * What is wrong with a custom range, by field (`from`, `to`), the earliest day being the pocket's
 * opening day when it is known: each day must be a calendar day within the span, From on or after
 * the earliest day, To not before From. Empty when the range is good.
 */
export function customRangeIssues(
  from: string,
  to: string,
  opened?: string | null,
): Partial<Record<"from" | "to", string>> {
  const earliest = opened && opened > EARLIEST_DAY ? opened : EARLIEST_DAY;
  const days = { from: dayIssue("From", from), to: dayIssue("To", to) };
  if (days.from || days.to) {
    return Object.fromEntries(Object.entries(days).filter(([, issue]) => issue));
  }
  const issues: Partial<Record<"from" | "to", string>> = {};
  if (from < earliest) {
    issues.from = `From must be on or after ${earliest}${opened ? ", the day the pocket opened" : ""}`;
  }
  if (from > to) issues.to = "To must not be before From";
  return issues;
}

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/** The URL's period as typed (custom days kept even when invalid, so the form can say why). */
export const pocketPeriodInput = (params: Params) =>
  searchInput(params, KEYS, new Set()) as { period?: string; from?: string; to?: string };

const isUrlPeriod = (text: string | undefined): text is UrlPeriod =>
  text !== undefined && Object.hasOwn(URL_PERIODS, text);

/** The period the page shows: a malformed period falls back to the default. */
export function readPocketPeriod(params: Params) {
  const raw = pocketPeriodInput(params);
  const period = isUrlPeriod(raw.period) ? raw.period : DEFAULT_PERIOD;
  return { period, from: raw.from ?? "", to: raw.to ?? "" };
}

/** What the earnings route is asked for, or null while a custom range is not valid. */
export function earningsParamsOf(search: {
  period: UrlPeriod;
  from?: string;
  to?: string;
}): EarningsParams | null {
  if (search.period !== "custom") return { period: URL_PERIODS[search.period] };
  const from = search.from ?? "";
  const to = search.to ?? "";
  return Object.keys(customRangeIssues(from, to)).length ? null : { period: "range", from, to };
}

/** The period back to a search string (the default period leaves the URL bare). */
export const pocketPeriodToSearch = (p: { period: UrlPeriod; from?: string; to?: string }) =>
  searchOf(
    p.period === "custom"
      ? { period: p.period, from: p.from, to: p.to }
      : { period: p.period === DEFAULT_PERIOD ? undefined : p.period },
    KEYS,
  );
