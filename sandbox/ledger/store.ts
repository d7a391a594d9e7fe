/**
 * The ledger in the database: loading pocket books, writing what the engine produced (in chunks,
 * one transaction), and running days to catch up.
 */
import { and, eq, gte, inArray, lte, ne, sql } from "drizzle-orm";
import { addDays } from "../../lib/jiko/business-days";
import type { DbOrTx } from "../db/open";
import {
  pocketEod,
  pocketFlowDays,
  pocketFlows,
  pocketLots,
  pockets,
  pocketTrades,
} from "../db/schema";
import { type Book, type Eod, type Flow, runDay, type Trade } from "./engine";

/** Rows per INSERT: well under Postgres' 65 535 parameters. */
const CHUNK = 2_000;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Flows (by their days) and trades as signed cash: + into the pocket's cash, − out. */
const FLOW_CASH = sql<number>`coalesce(sum(${pocketFlowDays.net}), 0)::bigint`;
const TRADE_CASH = sql<number>`coalesce(sum(case when ${pocketTrades.kind} = 'BUY' then -${pocketTrades.amount} else ${pocketTrades.amount} end), 0)::bigint`;

/** Cash of each pocket at the end of `date`, from flows and trades alone. */
export async function cashOn(db: DbOrTx, pocketIds: string[], date: string) {
  const out = new Map<string, number>(pocketIds.map((id) => [id, 0]));
  if (!pocketIds.length) return out;
  const flows = await db
    .select({ id: pocketFlowDays.pocketId, cash: FLOW_CASH })
    .from(pocketFlowDays)
    .where(and(inArray(pocketFlowDays.pocketId, pocketIds), lte(pocketFlowDays.date, date)))
    .groupBy(pocketFlowDays.pocketId);
  const trades = await db
    .select({ id: pocketTrades.pocketId, cash: TRADE_CASH })
    .from(pocketTrades)
    .where(and(inArray(pocketTrades.pocketId, pocketIds), lte(pocketTrades.settlementDate, date)))
    .groupBy(pocketTrades.pocketId);
  for (const r of [...flows, ...trades]) out.set(r.id, (out.get(r.id) ?? 0) + Number(r.cash));
  return out;
}

/** Holdings at the end of `date` from the trades alone: units per maturity (one CUSIP each). */
export async function holdingsOn(db: DbOrTx, pocketId: string, date: string) {
  const rows = await db
    .select({
      cusip: pocketTrades.cusip,
      maturityDate: pocketTrades.maturityDate,
      quantity: sql<number>`sum(case when ${pocketTrades.kind} = 'BUY' then ${pocketTrades.quantity} else -${pocketTrades.quantity} end)::int`,
    })
    .from(pocketTrades)
    .where(and(eq(pocketTrades.pocketId, pocketId), lte(pocketTrades.settlementDate, date)))
    .groupBy(pocketTrades.cusip, pocketTrades.maturityDate);
  return rows.filter((r) => r.quantity !== 0);
}

/** The books of every pocket not CLOSED, as of the end of `date` (the last processed day). */
export async function loadBooks(db: DbOrTx, date: string): Promise<Book[]> {
  const rows = await db.select().from(pockets).where(ne(pockets.status, "CLOSED"));
  if (!rows.length) return [];
  const ids = rows.map((p) => p.id);
  const cash = await cashOn(db, ids, date);
  const lots = await db.select().from(pocketLots).where(inArray(pocketLots.pocketId, ids));
  return rows.map((p) => ({
    pocketId: p.id,
    depositStrategyId: p.depositStrategyId,
    reinvestmentStrategyId: p.reinvestmentStrategyId,
    openedOn: p.openedOn,
    cash: cash.get(p.id) ?? 0,
    pendingDeposit: 0,
    lots: lots
      .filter((l) => l.pocketId === p.id)
      .map((l) => ({
        cusip: l.cusip,
        maturityDate: l.maturityDate,
        quantity: l.quantity,
        purchasePriceMicros: l.purchasePriceMicros,
        purchaseDate: l.purchaseDate,
      })),
  }));
}

export interface DaysResult {
  flows: Flow[];
  trades: Trade[];
  eod: Eod[];
}

/**
 * Runs the books through [from, to], day by day. `flowsOn` gives each day's flows (the seed's
 * generator, or the ones already booked in the ledger); `writeRun` stores them only for the seed.
 */
export function runDays(
  books: Book[],
  from: string,
  to: string,
  flowsOn: (date: string, books: Book[]) => Flow[],
): DaysResult {
  const out: DaysResult = { flows: [], trades: [], eod: [] };
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const open = books.filter((b) => b.openedOn <= d);
    const flows = flowsOn(d, open);
    out.flows.push(...flows);
    for (const book of open) {
      const { trades, eod } = runDay(
        book,
        d,
        flows.filter((f) => f.pocketId === book.pocketId),
      );
      out.trades.push(...trades);
      out.eod.push(eod);
    }
  }
  return out;
}

/** Writes a run: new flows (when given), trades, EOD rows, and replaces the books' lots. */
export async function writeRun(
  tx: DbOrTx,
  books: Book[],
  run: DaysResult,
  o: { writeFlows: boolean; bookedAt?: (f: Flow) => Date },
) {
  if (o.writeFlows) {
    await insertChunks(run.flows, (chunk) =>
      tx.insert(pocketFlows).values(
        chunk.map((f) => ({
          pocketId: f.pocketId,
          date: f.date,
          kind: f.kind,
          amount: f.amount,
          description: f.description,
          bookedAt: f.bookedAt ?? o.bookedAt?.(f) ?? new Date(),
          ...(f.rail && {
            rail: f.rail.type,
            transactionId: f.rail.transactionId,
            transferId: f.rail.transferId,
            details: f.rail.details,
          }),
        })),
      ),
    );
  }
  await insertChunks(run.trades, (chunk) => tx.insert(pocketTrades).values(chunk));
  await insertChunks(run.eod, (chunk) =>
    tx
      .insert(pocketEod)
      .values(chunk)
      .onConflictDoUpdate({
        target: [pocketEod.pocketId, pocketEod.date],
        set: {
          cash: sql`excluded.cash`,
          securities: sql`excluded.securities`,
          total: sql`excluded.total`,
        },
      }),
  );
  const ids = books.map((b) => b.pocketId);
  if (ids.length) await tx.delete(pocketLots).where(inArray(pocketLots.pocketId, ids));
  const lots = books.flatMap((b) => b.lots.map((l) => ({ pocketId: b.pocketId, ...l })));
  await insertChunks(lots, (chunk) => tx.insert(pocketLots).values(chunk));
}

/** The flows already booked in the ledger for [from, to] (for the clock's catch-up). */
export async function bookedFlows(db: DbOrTx, from: string, to: string): Promise<Flow[]> {
  const rows = await db
    .select()
    .from(pocketFlows)
    .where(and(gte(pocketFlows.date, from), lte(pocketFlows.date, to)))
    .orderBy(pocketFlows.seq);
  return rows.map((r) => ({
    pocketId: r.pocketId,
    date: r.date,
    kind: r.kind as Flow["kind"],
    amount: r.amount,
    description: r.description,
  }));
}
