/**
 * transactions.csv at the speed of the index: each of the customer's pockets is read once, as
 * its own keyset run over the (pocket, booked_at, seq) index in large batches, and the runs are
 * merged row by row. Paging the merged list instead (as the JSON list does) re-read every
 * pocket's next page for each page of the file. Lines are written straight from the rows: the
 * same text as the list's transaction put through the CSV columns, without building and
 * validating a transaction object per row.
 */
import { and, eq, sql } from "drizzle-orm";
import { TRANSACTION_CSV_COLUMNS, transactionCsvCells } from "../../lib/jiko/transactions";
import { centsToDecimalString } from "../../lib/money";
import type { SandboxDb } from "../db/open";
import { pocketFlows } from "../db/schema";
import { csvField, csvLine } from "../http/csv";
import { beyondCursor, type Cursor } from "../http/cursor";
import {
  DESCRIPTIONS,
  ownedPockets,
  settlementTime,
  type TransactionFilter,
  type TransactionRow,
  toTransaction,
  transactionWhere,
} from "./transactions";

/** The columns a line is written from (the rail's transfer and the day are not in the file). */
type Flow = Omit<typeof pocketFlows.$inferSelect, "transferId" | "date">;
/** A row of a batch as the query writes it (json_build_array below). */
type BatchRow = [
  string,
  string,
  number,
  string,
  string,
  number,
  string,
  string,
  Record<string, unknown>,
];

/** The line as the list's transaction gives it: validated, then through the CSV columns. */
export function transactionCsvLine(r: TransactionRow, now: Date): string {
  const cells = transactionCsvCells(toTransaction(r, now));
  return csvLine(TRANSACTION_CSV_COLUMNS.map((col) => cells[col]));
}

/** A pocket's rows in order, read a batch at a time from where the last batch ended. */
interface Run {
  pocketId: string;
  rows: Flow[];
  at: number;
  cursor?: Cursor;
  done: boolean;
}

/** Fields the list takes from the row itself: a variant field of that name would override it. */
const BASE_FIELDS = new Set([
  "id",
  "transaction_id",
  "description",
  "amount",
  "time_booked",
  "time_settled",
  "status",
  "title",
  "direction",
  "pocket_id",
  "customer_id",
  "type",
]);
function overridesBase(details: Record<string, unknown>): boolean {
  for (const k in details) if (BASE_FIELDS.has(k)) return true;
  return false;
}

/** Where each variant carries the other party (lib/jiko/transactions.ts counterpartyOf). */
const COUNTERPARTY: Record<string, string> = {
  ACH: "company_name",
  WIRE: "counterparty_name",
  ON_US: "counterparty_name",
  CARD: "merchant_name",
};

/**
 * One CSV line for a row, with the settlement day of each booked day remembered (the file runs
 * through the same days again and again). Rows whose details the fast line cannot vouch for (a
 * field named like a base field, a counterparty that is not text, an unknown rail) take the
 * list's own path, which validates them as before.
 */
function lineWriter(now: Date, customerId: string) {
  const nowIso = now.toISOString();
  const settleDays = new Map<string, string>();
  return (r: Flow): string => {
    const details = r.details;
    const descriptions = DESCRIPTIONS[r.rail as keyof typeof DESCRIPTIONS];
    const party = COUNTERPARTY[r.rail];
    const counterparty = party === undefined ? undefined : details[party];
    if (
      !descriptions ||
      (counterparty !== undefined && counterparty !== null && typeof counterparty !== "string") ||
      (r.rail === "ACH" && typeof counterparty !== "string") ||
      overridesBase(details)
    ) {
      return transactionCsvLine(
        { ...r, transferId: null, date: r.bookedAt.toISOString().slice(0, 10), customerId },
        now,
      );
    }
    const booked = r.bookedAt.toISOString();
    let settled = booked;
    if (r.rail === "ACH") {
      const day = booked.slice(0, 10);
      let settleDay = settleDays.get(day);
      if (settleDay === undefined) {
        settleDay = settlementTime("ACH", r.bookedAt).toISOString().slice(0, 10);
        settleDays.set(day, settleDay);
      }
      settled = `${settleDay}${booked.slice(10)}`;
    }
    const isSettled = settled <= nowIso;
    const direction = r.kind === "DEPOSIT" ? "CREDIT" : "DEBIT";
    return `${r.id},${r.transactionId},${booked},${isSettled ? settled : ""},${
      isSettled ? "SETTLED" : "BOOKED"
    },${r.rail},${direction},${centsToDecimalString(r.amount)},USD,${r.pocketId},${csvField(
      r.description,
    )},${csvField(descriptions[direction])},${csvField((counterparty as string | null) ?? "")}\r\n`;
  };
}

/**
 * Every matching row in `order` as CSV lines (no header), yielded in chunks of about
 * `rowsPerChunk` lines. Each pocket's run reads `batch` rows per query.
 */
export async function* transactionCsvChunks(
  db: SandboxDb,
  f: TransactionFilter,
  order: "asc" | "desc",
  now: Date,
  o: { batch?: number; rowsPerChunk?: number } = {},
): AsyncGenerator<string> {
  const batch = o.batch ?? 5_000;
  const rowsPerChunk = o.rowsPerChunk ?? 1_000;
  const ascending = order === "asc";
  const filter = transactionWhere(f);
  const dir = ascending ? sql`asc` : sql`desc`;
  // The same order as the list's pages: booked time (to the millisecond), then sequence.
  const compare = (a: Flow, b: Flow) => {
    const d = a.bookedAt.getTime() - b.bookedAt.getTime() || a.seq - b.seq;
    return ascending ? d : -d;
  };
  const fill = async (run: Run) => {
    const beyond = run.cursor
      ? beyondCursor(pocketFlows.bookedAt, pocketFlows.seq, run.cursor, ascending, "timestamptz")
      : undefined;
    // The whole batch as one JSON value: PGlite copies every field it returns into a buffer of
    // its own, which cost more than the query when each row came back as a dozen fields.
    const result = await db.execute<{ batch: string | null }>(sql`
      select json_agg(json_build_array(id, transaction_id, seq, booked_at, kind, amount, rail,
          description, details))::text as batch
      from (
        select * from ${pocketFlows}
        where ${and(eq(pocketFlows.pocketId, run.pocketId), filter, beyond)}
        order by ${pocketFlows.bookedAt} ${dir}, ${pocketFlows.seq} ${dir}
        limit ${batch}
      ) page`);
    const text = result.rows[0]?.batch;
    const cells = text ? (JSON.parse(text) as BatchRow[]) : [];
    run.rows = cells.map((c) => ({
      id: c[0],
      transactionId: c[1],
      seq: c[2],
      bookedAt: new Date(c[3]),
      kind: c[4],
      amount: c[5],
      rail: c[6],
      description: c[7],
      details: c[8],
      pocketId: run.pocketId,
    }));
    // Put back in the list's order here: an aggregate keeps its input's order in practice only.
    run.rows.sort(compare);
    run.at = 0;
    run.done = run.rows.length < batch;
    const last = run.rows.at(-1);
    if (last) run.cursor = { position: last.bookedAt.toISOString(), seq: last.seq, reverse: false };
  };
  const runs: Run[] = (await ownedPockets(db, f)).map((pocketId) => ({
    pocketId,
    rows: [],
    at: 0,
    done: false,
  }));
  for (const run of runs) await fill(run);
  const line = lineWriter(now, f.customerId);
  let chunk = "";
  let lines = 0;
  for (;;) {
    let next: Run | undefined;
    for (const run of runs) {
      if (run.at === run.rows.length) {
        if (run.done) continue;
        await fill(run);
        if (run.rows.length === 0) continue;
      }
      if (!next || compare(run.rows[run.at] as Flow, next.rows[next.at] as Flow) < 0) next = run;
    }
    if (!next) break;
    chunk += line(next.rows[next.at++] as Flow);
    if (++lines === rowsPerChunk) {
      yield chunk;
      chunk = "";
      lines = 0;
    }
  }
  if (chunk) yield chunk;
}
