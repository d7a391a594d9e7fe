/**
 * The trades page's filters in the URL: pockets and a trade-date span (the transactions page's
 * presets), and their translation to Jiko's v2 list and v1 CSV queries.
 */
import { endOfDay, startOfDay } from "./dates";
import type { TradeFilters } from "./filter-schemas";
import type { TradeListQuery, TradeV2ListQuery } from "./jiko/trades";
import { dateSpan, type Params, searchInput, searchOf } from "./transaction-filters";

// No zod here: the trades page draws with these at first load (lib/filter-schemas.ts checks them).
export type { TradeFilters };

export const TRADES_PAGE_SIZE = 100;

const KEYS = ["pocket", "range", "from", "to"] as const;

export const tradeFilterInput = (params: Params) => searchInput(params, KEYS, new Set(["pocket"]));
export const tradeFiltersToSearch = (f: TradeFilters) => searchOf(f, KEYS);

/** The v2 list: pockets and book dates (trades book on their trade date). */
export function toTradeListQuery(f: TradeFilters, today: string): Omit<TradeV2ListQuery, "cursor"> {
  const span = dateSpan(f, today);
  return {
    ...(f.pocket?.length && { "pocket_id[]": f.pocket }),
    ...(span.from && { book_date_from: span.from }),
    ...(span.to && { book_date_to: span.to }),
    limit: TRADES_PAGE_SIZE,
  };
}

/** The v1 CSV: accounts and a trade time range (what Jiko documents for it). */
export function toTradeCsvQuery(
  f: TradeFilters,
  today: string,
): Omit<TradeListQuery, "cursor" | "limit"> {
  const span = dateSpan(f, today);
  return {
    ...(f.pocket?.length && { "account[]": f.pocket }),
    ...(span.from && { trade_datetime_from: startOfDay(span.from) }),
    ...(span.to && { trade_datetime_to: endOfDay(span.to) }),
  };
}
