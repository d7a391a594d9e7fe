/**
 * A pocket's earnings period as it lives in the pocket page's URL (`?period=custom&from&to`): one
 * schema read by the server page (prefetch), the browser (the panel) and the earnings route.
 * Custom days lie between the pocket's opening day (or EARLIEST_DAY) and today in New York.
 */
import { z } from "zod";
import { boundedDay } from "./filter-schemas";
import { EarningsPeriod } from "./jiko/pockets";
import type { EarningsParams } from "./pocket-schemas";
import { EARLIEST_DAY, searchInput, searchOf } from "./transaction-filters";

/** The period's name in the URL, and Jiko's name for it. */
export const URL_PERIODS = {
  week: "wtd",
  month: "mtd",
  ytd: "ytd",
  all: "all-time",
  custom: "range",
} as const satisfies Record<string, EarningsPeriod>;
export type UrlPeriod = keyof typeof URL_PERIODS;
export const UrlPeriodSchema = z.enum(Object.keys(URL_PERIODS) as [UrlPeriod, ...UrlPeriod[]]);

/** Shown when the URL names no period. */
export const DEFAULT_PERIOD: UrlPeriod = "month";

const KEYS = ["period", "from", "to"] as const;

/**
 * The custom range's rules, the earliest day being the pocket's opening day when it is known.
 * Each issue names its field (`from` or `to`) and the allowed span.
 */
export function customRange(opened?: string | null) {
  const earliest = opened && opened > EARLIEST_DAY ? opened : EARLIEST_DAY;
  return z
    .object({ from: boundedDay("From"), to: boundedDay("To") })
    .refine((r) => r.from >= earliest, {
      message: `From must be on or after ${earliest}${opened ? ", the day the pocket opened" : ""}`,
      path: ["from"],
    })
    .refine((r) => r.from <= r.to, { message: "To must not be before From", path: ["to"] });
}

/** The period in the URL; a custom period needs both days. */
export const PocketPeriodSearch = z
  .object({
    period: UrlPeriodSchema.default(DEFAULT_PERIOD),
    from: z.string().optional(),
    to: z.string().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.period !== "custom") return;
    const range = customRange().safeParse({ from: p.from ?? "", to: p.to ?? "" });
    for (const issue of range.success ? [] : range.error.issues) {
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  });
export type PocketPeriodSearch = z.infer<typeof PocketPeriodSearch>;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/** The URL's period as typed (custom days kept even when invalid, so the form can say why). */
export const pocketPeriodInput = (params: Params) =>
  searchInput(params, KEYS, new Set()) as { period?: string; from?: string; to?: string };

/** The period the page shows: a malformed period falls back to the default. */
export function readPocketPeriod(params: Params) {
  const raw = pocketPeriodInput(params);
  const period = UrlPeriodSchema.catch(DEFAULT_PERIOD).parse(raw.period ?? DEFAULT_PERIOD);
  return { period, from: raw.from ?? "", to: raw.to ?? "" };
}

/** What the earnings route is asked for, or null while a custom range is not valid. */
export function earningsParamsOf(search: {
  period: UrlPeriod;
  from?: string;
  to?: string;
}): EarningsParams | null {
  const parsed = PocketPeriodSearch.safeParse(search);
  if (!parsed.success) return null;
  const p = parsed.data;
  return p.period === "custom"
    ? { period: "range", from: p.from, to: p.to }
    : { period: URL_PERIODS[p.period] };
}

/** The period back to a search string (the default period leaves the URL bare). */
export const pocketPeriodToSearch = (p: { period: UrlPeriod; from?: string; to?: string }) =>
  searchOf(
    p.period === "custom"
      ? { period: p.period, from: p.from, to: p.to }
      : { period: p.period === DEFAULT_PERIOD ? undefined : p.period },
    KEYS,
  );

/**
 * The earnings route's query: Jiko's period names, custom days within EARLIEST_DAY and today.
 * The route checks the opening day with `customRange(opened)` once it knows the pocket.
 */
export const EarningsQuery = z
  .object({
    period: EarningsPeriod.default("all-time"),
    from: boundedDay("From").optional(),
    to: boundedDay("To").optional(),
  })
  .refine((p) => p.period !== "range" || (p.from && p.to), {
    message: "A custom range needs a start and an end date",
    path: ["from"],
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, {
    message: "To must not be before From",
    path: ["to"],
  });
