/**
 * Transactions v2 over the ledger's flows: every deposit and withdrawal of a pocket's bank
 * account is one transaction (the engine's sweeps into bills are trades, never listed here).
 * Pages are keyset-ordered by (time_booked, seq), so a cursor is stable while rows arrive.
 */
import { and, asc, desc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
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
import { beyondCursor, type Cursor, decodeCursor, keysetPage } from "../http/cursor";
import { usd } from "./valuation";

export interface TransactionFilter extends Omit<TransactionQuery, "cursor" | "limit" | "order"> {
  customerId: string;
}

/** Transactions page by (time_booked, seq): the cursor's position is the booking time. */
export const decodeTransactionCursor = (cursor: string) =>
  decodeCursor(cursor, (p) => !Number.isNaN(Date.parse(p)));

const KIND: Record<Direction, string> = { CREDIT: "DEPOSIT", DEBIT: "WITHDRAWAL" };

export function transactionWhere(f: TransactionFilter): SQL {
  // The customer and `pocket[]` choose the pockets read (select below); the rest filter rows.
  const conds: (SQL | undefined)[] = [];
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

/** Rows strictly beyond a cursor, reading up (ascending) or down the (booked_at, seq) order. */
const beyond = (c: Cursor, ascending: boolean) =>
  beyondCursor(pocketFlows.bookedAt, pocketFlows.seq, c, ascending, "timestamptz");

/** A flow as the list reads it (the columns kept for the CSV are not the list's). */
export type TransactionRow = Omit<
  typeof pocketFlows.$inferSelect,
  "counterparty" | "detailsNeedJs"
> & { customerId: string };
type Row = TransactionRow;

/** The customer's pockets the filter chooses (all of them without `pocket[]`). */
export async function ownedPockets(db: SandboxDb, f: TransactionFilter): Promise<string[]> {
  const owned = await db
    .select({ id: pockets.id })
    .from(pockets)
    .where(
      and(
        eq(pockets.customerId, f.customerId),
        f["pocket[]"]?.length ? inArray(pockets.id, f["pocket[]"]) : undefined,
      ),
    );
  return owned.map((p) => p.id);
}

/**
 * Rows of one page: each of the customer's (chosen) pockets is read as a range of its
 * (pocket, booked_at, seq) index, and the sorted runs are merged. One range per pocket keeps a
 * page's cost flat at any depth of a million-row list, which one query over all pockets did not:
 * the planner turned to sorting every row of the pockets once the cursor was deep.
 */
async function select(
  db: SandboxDb,
  f: TransactionFilter,
  c: Cursor | undefined,
  ascending: boolean,
  limit: number,
) {
  const owned = await ownedPockets(db, f);
  const dir = ascending ? asc : desc;
  const runs = await Promise.all(
    owned.map((id) =>
      db
        .select()
        .from(pocketFlows)
        .where(
          and(
            eq(pocketFlows.pocketId, id),
            transactionWhere(f),
            c ? beyond(c, ascending) : undefined,
          ),
        )
        .orderBy(dir(pocketFlows.bookedAt), dir(pocketFlows.seq))
        .limit(limit),
    ),
  );
  const order = (a: typeof pocketFlows.$inferSelect, b: typeof pocketFlows.$inferSelect) => {
    const d = a.bookedAt.getTime() - b.bookedAt.getTime() || a.seq - b.seq;
    return ascending ? d : -d;
  };
  return runs
    .flat()
    .sort(order)
    .slice(0, limit)
    .map((r): Row => ({ ...r, customerId: f.customerId }));
}

const keyOf = (r: Row) => ({ position: r.bookedAt.toISOString(), seq: r.seq });

/** One page in `order` (newest first by default), with cursors both ways. */
export async function transactionPage(
  db: SandboxDb,
  f: TransactionFilter,
  o: { cursor?: Cursor; limit: number; order: "asc" | "desc"; now: Date },
): Promise<TransactionList> {
  const page = await keysetPage({
    ...o,
    fetch: (c, ascending, n) => select(db, f, c, ascending, n),
    keyOf,
  });
  return TransactionList.parse({
    prev_page: page.prev_page,
    next_page: page.next_page,
    items: page.rows.map((r) => toTransaction(r, o.now)),
    object_type: "CursorList",
  });
}

/** Jiko's short descriptions of each rail and direction (its example: "ACH Electronic Debit"). */
export const DESCRIPTIONS: Record<TransactionType, Record<Direction, string>> = {
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
