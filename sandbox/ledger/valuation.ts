/**
 * What a pocket is worth: end-of-day values (cached in pocket_eod by the engine, recomputable from
 * flows + trades + the curve), earnings over a date range, and the live portfolio.
 *
 * Earnings over [from, to] = EOD(to) − EOD(from − 1) − (deposits − withdrawals within [from, to]);
 * EOD is 0 before the pocket's first day.
 */
import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { addDays, daysBetween, lastBusinessDayOnOrBefore } from "../../lib/jiko/business-days";
import type { Money } from "../../lib/jiko/common";
import type { FixedIncomeSecurity, Portfolio } from "../../lib/jiko/pockets";
import type { DbOrTx } from "../db/open";
import { pocketEod, pocketFlowDays, pocketFlows, pocketLots, pocketTrades } from "../db/schema";
import { discountRate } from "./curve";
import { billDescription } from "./cusip";
import { billPrice, type Eod, securitiesValue } from "./engine";
import { accrualPerSecond, formatPrice, marketValueCents, yieldToMaturity } from "./pricing";
import { cashOn, holdingsOn } from "./store";

const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** Jiko's Money: integer cents, "USD", and a display string like "$1,234.56". */
export const usd = (cents: number): Money => ({
  value: cents,
  currency: "USD",
  formatted: USD.format(cents / 100),
});

interface PocketRef {
  id: string;
  openedOn: string;
}

const zero = (pocketId: string, date: string): Eod => ({
  pocketId,
  date,
  cash: 0,
  securities: 0,
  total: 0,
});

/** EOD recomputed from the ledger alone (flows, trades) and the curve. */
export async function eodFromLedger(db: DbOrTx, p: PocketRef, date: string): Promise<Eod> {
  if (date < p.openedOn) return zero(p.id, date);
  const cash = (await cashOn(db, [p.id], date)).get(p.id) ?? 0;
  const securities = securitiesValue(await holdingsOn(db, p.id, date), date);
  return { pocketId: p.id, date, cash, securities, total: cash + securities };
}

/** EOD rows of [from, to] from the cache, one per day (zeros before the first day). */
export async function eodRange(db: DbOrTx, p: PocketRef, from: string, to: string) {
  const rows = await db
    .select()
    .from(pocketEod)
    .where(and(eq(pocketEod.pocketId, p.id), gte(pocketEod.date, from), lte(pocketEod.date, to)))
    .orderBy(asc(pocketEod.date));
  const byDate = new Map(rows.map((r) => [r.date, r]));
  const out: Eod[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    out.push(byDate.get(d) ?? (d < p.openedOn ? zero(p.id, d) : await eodFromLedger(db, p, d)));
  }
  return out;
}

export async function eodOn(db: DbOrTx, p: PocketRef, date: string): Promise<Eod> {
  if (date < p.openedOn) return zero(p.id, date);
  const [row] = await db
    .select()
    .from(pocketEod)
    .where(and(eq(pocketEod.pocketId, p.id), eq(pocketEod.date, date)));
  return row ?? eodFromLedger(db, p, date);
}

/** Each pocket's total value at its latest EOD (the consent page's balances). */
export async function latestTotals(db: DbOrTx, pocketIds: string[]) {
  const out = new Map<string, number>();
  if (!pocketIds.length) return out;
  const rows = await db
    .selectDistinctOn([pocketEod.pocketId], { id: pocketEod.pocketId, total: pocketEod.total })
    .from(pocketEod)
    .where(inArray(pocketEod.pocketId, pocketIds))
    .orderBy(pocketEod.pocketId, desc(pocketEod.date));
  for (const r of rows) out.set(r.id, r.total);
  return out;
}

export async function flowsIn(db: DbOrTx, pocketId: string, from: string, to: string) {
  return db
    .select({
      id: pocketFlows.id,
      date: pocketFlows.date,
      kind: pocketFlows.kind,
      amount: pocketFlows.amount,
      description: pocketFlows.description,
      rail: pocketFlows.rail,
    })
    .from(pocketFlows)
    .where(
      and(
        eq(pocketFlows.pocketId, pocketId),
        gte(pocketFlows.date, from),
        lte(pocketFlows.date, to),
      ),
    )
    .orderBy(asc(pocketFlows.date), asc(pocketFlows.seq));
}

/** A pocket's trades settling in [from, to], in ledger order (statements and camt.053). */
export const tradesIn = (db: DbOrTx, pocketId: string, from: string, to: string) =>
  db
    .select()
    .from(pocketTrades)
    .where(
      and(
        eq(pocketTrades.pocketId, pocketId),
        gte(pocketTrades.settlementDate, from),
        lte(pocketTrades.settlementDate, to),
      ),
    )
    .orderBy(asc(pocketTrades.settlementDate), asc(pocketTrades.seq));

/** Deposits less withdrawals booked for the days [from, to], in cents. */
export async function netFlows(db: DbOrTx, pocketId: string, from: string, to: string) {
  const [row] = await db
    .select({ net: sql<number>`coalesce(sum(${pocketFlowDays.net}), 0)::bigint` })
    .from(pocketFlowDays)
    .where(
      and(
        eq(pocketFlowDays.pocketId, pocketId),
        gte(pocketFlowDays.date, from),
        lte(pocketFlowDays.date, to),
      ),
    );
  return Number(row?.net ?? 0);
}

/** Earnings over [from, to] in cents (0 when the range is empty). */
export async function earningsBetween(db: DbOrTx, p: PocketRef, from: string, to: string) {
  if (to < from) return 0;
  const end = await eodOn(db, p, to);
  const before = await eodOn(db, p, addDays(from, -1));
  return end.total - before.total - (await netFlows(db, p.id, from, to));
}

/** Today's accrual of the pocket's bills, in cents per second, as a decimal string. */
function appreciation(lots: Array<{ maturityDate: string; quantity: number }>, pricing: string) {
  let perSecond = 0;
  for (const l of lots) {
    const days = daysBetween(pricing, l.maturityDate);
    perSecond += accrualPerSecond(l.quantity * 10_000, discountRate(pricing, days));
  }
  return perSecond.toFixed(6);
}

/** The portfolio now: bills per CUSIP at today's price, cash, totals, yield and accrual. */
export async function portfolioOf(
  db: DbOrTx,
  p: PocketRef,
  today: string,
  now: Date,
): Promise<Portfolio> {
  const pricing = lastBusinessDayOnOrBefore(today);
  const lots = await db.select().from(pocketLots).where(eq(pocketLots.pocketId, p.id));
  const byCusip = new Map<string, { maturityDate: string; quantity: number }>();
  for (const l of lots) {
    const agg = byCusip.get(l.cusip) ?? { maturityDate: l.maturityDate, quantity: 0 };
    agg.quantity += l.quantity;
    byCusip.set(l.cusip, agg);
  }
  const securities: FixedIncomeSecurity[] = [...byCusip]
    .sort((a, b) => a[1].maturityDate.localeCompare(b[1].maturityDate))
    .map(([cusip, l]) => {
      const pm = billPrice(pricing, l.maturityDate);
      return {
        type: "FIXED_INCOME",
        cusip,
        description: billDescription(l.maturityDate),
        quantity: l.quantity,
        market_value: usd(marketValueCents(l.quantity, pm)),
        jiko_mark_price: formatPrice(pm),
        maturity_date: l.maturityDate,
        yield_to_maturity: yieldToMaturity(pm, daysBetween(pricing, l.maturityDate)),
      };
    });
  const cash = today < p.openedOn ? 0 : ((await cashOn(db, [p.id], today)).get(p.id) ?? 0);
  const invested = securities.reduce((s, x) => s + x.market_value.value, 0);
  const weighted = securities.reduce(
    (s, x) => s + x.market_value.value * Number(x.yield_to_maturity),
    0,
  );
  const total = cash + invested;
  const allTime = total - (await netFlows(db, p.id, p.openedOn, today));
  return {
    securities,
    cash: usd(cash),
    total_value: usd(total),
    all_time_earnings: usd(allTime),
    current_yield: (invested > 0 ? weighted / invested : 0).toFixed(6),
    pricing_timestamp: now.toISOString(),
    appreciation_per_second: appreciation([...byCusip.values()], pricing),
  };
}
