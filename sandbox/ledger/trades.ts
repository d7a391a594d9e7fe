/**
 * Trades v1 and v2 over the engine's trades: every buy, sale and maturity of a pocket's bills.
 * Each trade is struck at 09:30 New York time on its trade date (14:30Z: the sandbox keeps one
 * time per day), books that day and settles on its settlement date; pages are keyset-ordered by
 * (trade date, seq).
 */
import { and, asc, desc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import { addDays, daysBetween } from "../../lib/jiko/business-days";
import {
  type Trade,
  type TradeListQuery,
  Trade as TradeSchema,
  TradeV2,
} from "../../lib/jiko/trades";
import type { SandboxDb } from "../db/open";
import { pockets, pocketTrades } from "../db/schema";
import { beyondCursor, type Cursor, decodeCursor, keysetPage } from "../http/cursor";
import { billDescription } from "./cusip";
import { TRADE_TIME } from "./engine";
import { formatPrice, yieldToMaturity } from "./pricing";
import { usd } from "./valuation";

export type TradeRow = typeof pocketTrades.$inferSelect & { customerId: string };

export interface TradeFilter {
  customerId: string;
  pocketIds?: string[];
  bookFrom?: string;
  bookTo?: string;
  settleFrom?: string;
  settleTo?: string;
  /** Instants, turned into the trade dates whose 14:30Z falls inside. */
  tradeFrom?: string;
  tradeTo?: string;
}

export const decodeTradeCursor = (cursor: string) =>
  decodeCursor(cursor, (p) => /^\d{4}-\d{2}-\d{2}$/.test(p));

/** The first trade date at or after an instant, and the last at or before one. */
const firstDateFrom = (iso: string) => {
  const day = new Date(iso).toISOString().slice(0, 10);
  return new Date(iso).getTime() <= Date.parse(`${day}${TRADE_TIME}`) ? day : addDays(day, 1);
};
const lastDateTo = (iso: string) => {
  const day = new Date(iso).toISOString().slice(0, 10);
  return new Date(iso).getTime() >= Date.parse(`${day}${TRADE_TIME}`) ? day : addDays(day, -1);
};

export function tradeFilterOf(
  customerId: string,
  q: Omit<TradeListQuery, "cursor" | "limit"> & { "pocket_id[]"?: string[] },
): TradeFilter {
  return {
    customerId,
    pocketIds: q["account[]"] ?? q["pocket_id[]"],
    bookFrom: q.book_date_from,
    bookTo: q.book_date_to,
    settleFrom: q.settlement_date_from,
    settleTo: q.settlement_date_to,
    tradeFrom: q.trade_datetime_from,
    tradeTo: q.trade_datetime_to,
  };
}

function where(f: TradeFilter): SQL {
  const t = pocketTrades;
  const conds: (SQL | undefined)[] = [eq(pockets.customerId, f.customerId)];
  if (f.pocketIds?.length) conds.push(inArray(t.pocketId, f.pocketIds));
  // Trades book on their trade date.
  if (f.bookFrom) conds.push(gte(t.tradeDate, f.bookFrom));
  if (f.bookTo) conds.push(lte(t.tradeDate, f.bookTo));
  if (f.settleFrom) conds.push(gte(t.settlementDate, f.settleFrom));
  if (f.settleTo) conds.push(lte(t.settlementDate, f.settleTo));
  if (f.tradeFrom) conds.push(gte(t.tradeDate, firstDateFrom(f.tradeFrom)));
  if (f.tradeTo) conds.push(lte(t.tradeDate, lastDateTo(f.tradeTo)));
  return and(...conds) as SQL;
}

const beyond = (c: Cursor, ascending: boolean) =>
  beyondCursor(pocketTrades.tradeDate, pocketTrades.seq, c, ascending, "date");

async function select(
  db: SandboxDb,
  f: TradeFilter,
  c: Cursor | undefined,
  ascending: boolean,
  limit: number,
): Promise<TradeRow[]> {
  const dir = ascending ? asc : desc;
  const rows = await db
    .select({ trade: pocketTrades, customerId: pockets.customerId })
    .from(pocketTrades)
    .innerJoin(pockets, eq(pockets.id, pocketTrades.pocketId))
    .where(c ? and(where(f), beyond(c, ascending)) : where(f))
    .orderBy(dir(pocketTrades.tradeDate), dir(pocketTrades.seq))
    .limit(limit);
  return rows.map((r) => ({ ...r.trade, customerId: r.customerId }));
}

const keyOf = (r: TradeRow) => ({ position: r.tradeDate, seq: r.seq });

export async function tradePage(
  db: SandboxDb,
  f: TradeFilter,
  o: { cursor?: Cursor; limit: number; order: "asc" | "desc" },
) {
  return keysetPage({ ...o, fetch: (c, ascending, n) => select(db, f, c, ascending, n), keyOf });
}

/** Every matching trade in `order`, read in pages (for the CSV). */
export async function* tradeRows(db: SandboxDb, f: TradeFilter, order: "asc" | "desc") {
  let c: Cursor | undefined;
  for (;;) {
    const rows = await select(db, f, c, order === "asc", 1_000);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < 1_000) return;
    c = { ...keyOf(last), reverse: false };
  }
}

export async function findTrade(db: SandboxDb, customerId: string, pocketId: string, id: string) {
  const [row] = await db
    .select({ trade: pocketTrades, customerId: pockets.customerId })
    .from(pocketTrades)
    .innerJoin(pockets, eq(pockets.id, pocketTrades.pocketId))
    .where(
      and(
        eq(pocketTrades.id, id),
        eq(pocketTrades.pocketId, pocketId),
        eq(pockets.customerId, customerId),
      ),
    );
  return row ? { ...row.trade, customerId: row.customerId } : undefined;
}

const ACTIVITY_WORD = { BUY: "Buy", SELL: "Sell", MATURITY: "Maturity" } as const;

/** The fields v1 and v2 share, from one ledger row. */
function common(r: TradeRow, today: string) {
  const activity = r.kind as Trade["activity"];
  const days = daysBetween(r.tradeDate, r.maturityDate);
  return {
    id: r.id,
    description: `${ACTIVITY_WORD[activity]} ${billDescription(r.maturityDate)}`,
    trade_datetime: `${r.tradeDate}${TRADE_TIME}`,
    activity,
    cusip: r.cusip,
    notional: usd(r.amount),
    quantity: r.quantity,
    price: formatPrice(r.priceMicros),
    maturity_date: r.maturityDate,
    yield_to_maturity: activity === "MATURITY" ? "0.000000" : yieldToMaturity(r.priceMicros, days),
    settled: r.settlementDate <= today,
  };
}

export function toTradeV1(r: TradeRow, today: string): Trade {
  const { settled, ...c } = common(r, today);
  return TradeSchema.parse({
    ...c,
    settled_date: settled ? r.settlementDate : null,
    is_settled: settled,
    jiko_account_id: r.pocketId,
    tradable_id: r.cusip,
    object_type: "Trade",
  });
}

export function toTradeV2(r: TradeRow, today: string): TradeV2 {
  const { settled, ...c } = common(r, today);
  return TradeV2.parse({
    ...c,
    book_date: r.tradeDate,
    settled_date: settled ? r.settlementDate : null,
    status: settled ? "SETTLED" : "BOOKED",
    pocket_id: r.pocketId,
  });
}
