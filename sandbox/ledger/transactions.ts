/**
 * Transactions v2 over the ledger's flows: every deposit and withdrawal of a pocket's bank
 * account is one transaction (the engine's sweeps into bills are trades, never listed here).
 * Pages are keyset-ordered by (time_booked, seq), so a cursor is stable while rows arrive.
 */
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, or, type SQL } from "drizzle-orm";
import { addDays, isBusinessDay } from "../../lib/jiko/business-days";
import {
  type Direction,
  Transaction,
  TransactionList,
  type TransactionQuery,
  type TransactionType,
} from "../../lib/jiko/transactions";
import type { SandboxDb } from "../db/open";
import { pocketFlows, pockets } from "../db/schema";
import { usd } from "./valuation";

export interface TransactionFilter extends Omit<TransactionQuery, "cursor" | "limit" | "order"> {
  customerId: string;
}

export interface TransactionCursor {
  at: Date;
  seq: number;
  /** Set on `prev_page`: the page before the one that made it. */
  reverse: boolean;
}

export const encodeTransactionCursor = (r: { bookedAt: Date; seq: number }, reverse: boolean) =>
  Buffer.from(
    new URLSearchParams({
      p: r.bookedAt.toISOString(),
      s: String(r.seq),
      ...(reverse && { r: "1" }),
    }).toString(),
  ).toString("base64url");

export function decodeTransactionCursor(cursor: string): TransactionCursor | undefined {
  const q = new URLSearchParams(Buffer.from(cursor, "base64url").toString("utf8"));
  const p = q.get("p");
  const s = Number(q.get("s"));
  if (!p || Number.isNaN(Date.parse(p)) || !Number.isInteger(s)) return undefined;
  return { at: new Date(p), seq: s, reverse: q.get("r") === "1" };
}

const KIND: Record<Direction, string> = { CREDIT: "DEPOSIT", DEBIT: "WITHDRAWAL" };

function where(f: TransactionFilter): SQL {
  const conds: (SQL | undefined)[] = [eq(pockets.customerId, f.customerId)];
  if (f["pocket[]"]?.length) conds.push(inArray(pocketFlows.pocketId, f["pocket[]"]));
  if (f["type[]"]?.length) conds.push(inArray(pocketFlows.rail, f["type[]"]));
  if (f["on_us_transfer[]"]?.length) {
    conds.push(
      eq(pocketFlows.rail, "ON_US"),
      inArray(pocketFlows.transferId, f["on_us_transfer[]"]),
    );
  }
  if (f["wire[]"]?.length) {
    conds.push(eq(pocketFlows.rail, "WIRE"), inArray(pocketFlows.transferId, f["wire[]"]));
  }
  if (f.time_booked_from) conds.push(gte(pocketFlows.bookedAt, new Date(f.time_booked_from)));
  if (f.time_booked_to) conds.push(lte(pocketFlows.bookedAt, new Date(f.time_booked_to)));
  if (f.amount_from !== undefined) conds.push(gte(pocketFlows.amount, f.amount_from));
  if (f.amount_to !== undefined) conds.push(lte(pocketFlows.amount, f.amount_to));
  if (f.direction) conds.push(eq(pocketFlows.kind, KIND[f.direction]));
  return and(...conds) as SQL;
}

/** Rows strictly after (`gt`) or before (`lt`) a cursor position in (booked_at, seq) order. */
const beyond = (op: typeof gt, c: TransactionCursor) =>
  or(
    op(pocketFlows.bookedAt, c.at),
    and(eq(pocketFlows.bookedAt, c.at), op(pocketFlows.seq, c.seq)),
  ) as SQL;

type Row = typeof pocketFlows.$inferSelect & { customerId: string };

async function select(db: SandboxDb, cond: SQL, ascending: boolean, limit: number) {
  const dir = ascending ? asc : desc;
  const rows = await db
    .select({ flow: pocketFlows, customerId: pockets.customerId })
    .from(pocketFlows)
    .innerJoin(pockets, eq(pockets.id, pocketFlows.pocketId))
    .where(cond)
    .orderBy(dir(pocketFlows.bookedAt), dir(pocketFlows.seq))
    .limit(limit);
  return rows.map((r): Row => ({ ...r.flow, customerId: r.customerId }));
}

/**
 * One page in `order` (newest first by default), with cursors both ways. A forward cursor names
 * the last row shown; a reverse one the first, and its page is read backwards then flipped.
 */
export async function transactionPage(
  db: SandboxDb,
  f: TransactionFilter,
  o: { cursor?: TransactionCursor; limit: number; order: "asc" | "desc"; now: Date },
): Promise<TransactionList> {
  const c = o.cursor;
  const ascending = o.order === "asc";
  // Moving "forward" in desc order means going to older rows (lt), in asc order to newer (gt).
  const forwardOp = ascending ? gt : lt;
  const backwardOp = ascending ? lt : gt;
  let rows: Row[];
  let more: boolean;
  if (c?.reverse) {
    const found = await select(
      db,
      and(where(f), beyond(backwardOp, c)) as SQL,
      !ascending,
      o.limit + 1,
    );
    more = found.length > o.limit;
    rows = found.slice(0, o.limit).reverse();
  } else {
    const cond = c ? (and(where(f), beyond(forwardOp, c)) as SQL) : where(f);
    const found = await select(db, cond, ascending, o.limit + 1);
    more = found.length > o.limit;
    rows = found.slice(0, o.limit);
  }
  const hasNext = c?.reverse ? true : more;
  const hasPrev = c?.reverse ? more : c !== undefined;
  const first = rows[0];
  const last = rows.at(-1);
  return TransactionList.parse({
    prev_page: hasPrev && first ? encodeTransactionCursor(first, true) : null,
    next_page: hasNext && last ? encodeTransactionCursor(last, false) : null,
    items: rows.map((r) => toTransaction(r, o.now)),
    object_type: "CursorList",
  });
}

/** Every matching row in `order`, read in pages of `pageSize` (for the CSV). */
export async function* transactionRows(
  db: SandboxDb,
  f: TransactionFilter,
  order: "asc" | "desc",
  now: Date,
  pageSize = 1_000,
) {
  let c: TransactionCursor | undefined;
  const ascending = order === "asc";
  for (;;) {
    const cond = c ? (and(where(f), beyond(ascending ? gt : lt, c)) as SQL) : where(f);
    const rows = await select(db, cond, ascending, pageSize);
    for (const r of rows) yield toTransaction(r, now);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    c = { at: last.bookedAt, seq: last.seq, reverse: false };
  }
}

/** Jiko's short descriptions of each rail and direction (its example: "ACH Electronic Debit"). */
const DESCRIPTIONS: Record<TransactionType, Record<Direction, string>> = {
  ACH: { CREDIT: "ACH Electronic Credit", DEBIT: "ACH Electronic Debit" },
  WIRE: { CREDIT: "Incoming Wire Transfer", DEBIT: "Outgoing Wire Transfer" },
  CARD: { CREDIT: "Card Refund", DEBIT: "Card Purchase" },
  ON_US: { CREDIT: "Incoming Jiko Transfer", DEBIT: "Outgoing Jiko Transfer" },
  FEE: { CREDIT: "Fee Reversal", DEBIT: "Fee" },
  CREDIT: { CREDIT: "Credit", DEBIT: "Credit Reversal" },
  GENERIC: { CREDIT: "Adjustment Credit", DEBIT: "Adjustment Debit" },
};

/** ACH settles on the next business day; wires, on-us transfers and the rest when booked. */
export function settlementTime(rail: string, bookedAt: Date): Date {
  if (rail !== "ACH") return bookedAt;
  let day = addDays(bookedAt.toISOString().slice(0, 10), 1);
  while (!isBusinessDay(day)) day = addDays(day, 1);
  return new Date(`${day}T${bookedAt.toISOString().slice(11)}`);
}

export function toTransaction(r: Row, now: Date): Transaction {
  const direction: Direction = r.kind === "DEPOSIT" ? "CREDIT" : "DEBIT";
  const type = r.rail as TransactionType;
  const settled = settlementTime(r.rail, r.bookedAt);
  const { remittance_information, ...details } = r.details;
  const transfer = { ACH: "ach_id", WIRE: "wire_id", ON_US: "on_us_id" }[r.rail as string];
  return Transaction.parse({
    id: r.id,
    transaction_id: r.transactionId,
    description: DESCRIPTIONS[type][direction],
    amount: usd(r.amount),
    time_booked: r.bookedAt.toISOString(),
    time_settled: settled <= now ? settled.toISOString() : null,
    status: settled <= now ? "SETTLED" : "BOOKED",
    title: r.description,
    direction,
    pocket_id: r.pocketId,
    customer_id: r.customerId,
    remittance_information: remittance_information ?? null,
    type,
    ...details,
    ...(transfer && { [transfer]: r.transferId }),
  });
}
