/**
 * transactions.csv at the speed of the index, written by Postgres: each batch is one query that
 * merges the customer's pockets (each read as a keyset range of its (pocket, booked_at, seq)
 * index) and returns the batch's CSV lines as one text, taken as UTF-8 bytes straight to the
 * response (db/raw-query.ts). Reading every row into JS to write its line there cost more than
 * the query, and so did decoding the text into a string only to encode it back. A batch holding
 * a row the query cannot vouch for (see `needsJs`) is read again as rows and written line by line
 * in JS, as before: the same text as the list's transaction put through the CSV columns. What a
 * row's details give the file (its counterparty, whether JS must write it) is kept with the row
 * (ledger/flow-details.ts), not read from the JSON again by every export.
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import { addDays, daysBetween } from "../../lib/jiko/business-days";
import {
  type Direction,
  TRANSACTION_CSV_COLUMNS,
  transactionCsvCells,
} from "../../lib/jiko/transactions";
import { centsToDecimalString } from "../../lib/money";
import type { SandboxDb } from "../db/open";
import { queryRaw, rawBool, rawInt4, rawText } from "../db/raw-query";
import { pocketFlows } from "../db/schema";
import { csvField, csvLine } from "../http/csv";
import { beyondCursor, type Cursor } from "../http/cursor";
import { BASE_FIELDS, COUNTERPARTY } from "./flow-details";
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
type Flow = Omit<
  typeof pocketFlows.$inferSelect,
  "transferId" | "date" | "counterparty" | "detailsNeedJs"
>;
/** A row of a batch as `jsBatch` reads it (json_build_array there). */
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
  string,
];

/** The line as the list's transaction gives it: validated, then through the CSV columns. */
export function transactionCsvLine(r: TransactionRow, now: Date): string {
  const cells = transactionCsvCells(toTransaction(r, now));
  return csvLine(TRANSACTION_CSV_COLUMNS.map((col) => cells[col]));
}

const BASE_FIELD_SET = new Set(BASE_FIELDS);
function overridesBase(details: Record<string, unknown>): boolean {
  for (const k in details) if (BASE_FIELD_SET.has(k)) return true;
  return false;
}

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

/** Days either side of the middle of the window of ACH settlement days handed to the query. */
const WINDOW_DAYS = 1_000;

/**
 * ACH settlement as the query reads it: for each booked day from `from` to `to`, the days to its
 * settlement (the next business day, by the list's own `settlementTime`). Business days follow a
 * holiday calendar, so JS works them out and the query looks them up; rows booked outside the
 * window take the JS path.
 */
interface SettlementWindow {
  from: string;
  to: string;
  /** The shifts as a Postgres int[] literal. */
  shifts: string;
}

/** Windows already worked out (~25 ms each), by middle day: exports of a day share theirs. */
const windows = new Map<string, SettlementWindow>();

function settlementWindow(middle: string): SettlementWindow {
  const known = windows.get(middle);
  if (known) return known;
  const from = addDays(middle, -WINDOW_DAYS);
  const shifts: number[] = [];
  for (let i = 0; i <= 2 * WINDOW_DAYS; i++) {
    const day = addDays(from, i);
    const settles = settlementTime("ACH", new Date(`${day}T00:00:00.000Z`));
    shifts.push(daysBetween(day, settles.toISOString().slice(0, 10)));
  }
  const w = { from, to: addDays(from, 2 * WINDOW_DAYS), shifts: `{${shifts.join(",")}}` };
  if (windows.size >= 16) windows.delete(windows.keys().next().value as string);
  windows.set(middle, w);
  return w;
}

/** The window kept while `day` stays in its middle half, else one centred on `day`. */
function windowAround(w: SettlementWindow, day: string): SettlementWindow {
  const margin = WINDOW_DAYS / 2;
  const inside = day >= addDays(w.from, margin) && day <= addDays(w.to, -margin);
  return inside ? w : settlementWindow(day);
}

/** `case <subject> when k then v … end` from a table of constants (passed as parameters). */
const caseOf = (subject: SQL, table: Record<string, string>, otherwise: SQL = sql`null`) =>
  sql`case ${subject} ${sql.join(
    Object.entries(table).map(([k, v]) => sql`when ${k} then ${v}`),
    sql` `,
  )} else ${otherwise} end`;

/** Each rail's description for a direction, already quoted for the file. */
const descriptionsOf = (d: Direction) =>
  Object.fromEntries(Object.entries(DESCRIPTIONS).map(([rail, text]) => [rail, csvField(text[d])]));

/** A text field quoted as `csvField` does (sandbox/http/csv.ts). */
const quoted = (v: SQL) =>
  sql`case when ${v} like '%"%' or ${v} like '%,%' or ${v} like ${"%\n%"} or ${v} like ${"%\r%"}
    then '"' || replace(${v}, '"', '""') || '"' else ${v} end`;

/**
 * The page's rows the query leaves to JS, as `lineWriter` would (details_need_js: an unknown
 * rail, details that are not an object or name a base field, a counterparty that is not text;
 * sandbox/ledger/flow-details.ts) and beyond: an ACH day outside the settlement window, a year
 * `toISOString` writes otherwise, cents beyond a JS number.
 */
function needsJs(w: SettlementWindow): SQL {
  return sql`(details_need_js
    or (rail = 'ACH' and day not between ${w.from}::date and ${w.to}::date)
    or booked_at < '0001-01-01T00:00:00Z' or booked_at >= '10000-01-01T00:00:00Z'
    or amount not between ${-Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER})`;
}

/** An ISO instant as `toISOString` writes it (years 0001 to 9999). */
const ISO_MS = sql.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);

/**
 * A row's CSV line from the columns of `batchSql` below (`b`: the time booked, `settled`: the
 * settlement time, `counterparty`).
 */
function lineSql(now: Date): SQL {
  const direction = sql`case when kind = 'DEPOSIT' then 'CREDIT' else 'DEBIT' end`;
  const description = sql`case when kind = 'DEPOSIT'
    then ${caseOf(sql`rail`, descriptionsOf("CREDIT"))}
    else ${caseOf(sql`rail`, descriptionsOf("DEBIT"))} end`;
  // centsToDecimalString: sign, whole units, two digits of cents.
  const amount = sql`case when amount < 0 then '-' else '' end || (abs(amount) / 100)::text
    || '.' || lpad((abs(amount) % 100)::text, 2, '0')`;
  const status = sql`case when (settled collate "C") <= ${now.toISOString()}
    then settled || ',SETTLED,' else ',BOOKED,' end`;
  return sql`id::text || ',' || transaction_id::text || ',' || b || ',' || ${status}
    || rail || ',' || ${direction} || ',' || ${amount} || ',USD,' || pocket_id::text
    || ',' || ${quoted(sql`description`)} || ',' || ${description}
    || ',' || ${quoted(sql`counterparty`)} || ${"\r\n"}`;
}

/**
 * `from` with more columns, fenced (offset 0): Postgres would otherwise copy a column's expression
 * into every use of it and compute it that many times a row. Saying the order `from` already has
 * costs no sort and lets the aggregates above skip theirs.
 */
const withColumns = (from: SQL, columns: SQL, order: SQL) =>
  sql`select *, ${columns} from (${from}) p ${order} offset 0`;

/**
 * One batch as CSV: its lines in order as one text, whether a row needs JS instead (`js`), and
 * the last row's key. `page` yields the flows' columns in the file's order.
 */
function batchSql(page: SQL, w: SettlementWindow, now: Date, ascending: boolean): SQL {
  const dir = ascending ? sql`asc` : sql`desc`;
  const order = sql`order by booked_at ${dir}, seq ${dir}`;
  const shift = sql`(${w.shifts}::int[])[day - ${w.from}::date + 1]`;
  const utc = withColumns(page, sql`booked_at at time zone 'UTC' as utc`, order);
  const booked = withColumns(utc, sql`to_char(utc, ${ISO_MS}) as b, utc::date as day`, order);
  const checked = withColumns(booked, sql`${needsJs(w)} as js`, order);
  const fields = withColumns(
    checked,
    sql`case when rail = 'ACH' and not js
        then to_char(day + ${shift}, 'YYYY-MM-DD') || substr(b, 11) else b end as settled,
      coalesce(party, '') as counterparty`,
    order,
  );
  return sql`
    select string_agg(line, '' ${order}) as lines, bool_or(js) as js, count(*)::int4 as n,
      (array_agg(b ${order}))[count(*)] as b, (array_agg(seq ${order}))[count(*)]::int4 as seq
    from (
      select booked_at, seq, b, js, case when js then null else ${lineSql(now)} end as line
      from (${fields}) p ${order}
    ) p
    having count(*) > 0`;
}

/**
 * The next `batch` rows of the chosen pockets in the file's order: each pocket's rows beyond the
 * cursor as a range of its index, merged (one range each: a single range over all pockets made
 * the planner sort every row of the pockets).
 */
function pageSql(
  pocketIds: readonly string[],
  filter: SQL,
  cursor: Cursor | undefined,
  ascending: boolean,
  batch: number,
): SQL {
  const dir = ascending ? sql`asc` : sql`desc`;
  const beyond = cursor
    ? beyondCursor(pocketFlows.bookedAt, pocketFlows.seq, cursor, ascending, "timestamptz")
    : undefined;
  const runs = pocketIds.map(
    (id) => sql`(select ${pocketFlows.id}, ${pocketFlows.transactionId}, ${pocketFlows.seq},
      ${pocketFlows.bookedAt}, ${pocketFlows.kind}, ${pocketFlows.amount}, ${pocketFlows.rail},
      ${pocketFlows.description}, ${pocketFlows.details}, ${pocketFlows.pocketId},
      ${pocketFlows.counterparty} as party, ${pocketFlows.detailsNeedJs}
      from ${pocketFlows}
      where ${and(eq(pocketFlows.pocketId, id), filter, beyond)}
      order by ${pocketFlows.bookedAt} ${dir}, ${pocketFlows.seq} ${dir}
      limit ${batch})`,
  );
  return sql`select * from (${sql.join(runs, sql` union all `)}) f
    order by booked_at ${dir}, seq ${dir} limit ${batch}`;
}

interface Batch {
  /** The batch's lines, UTF-8. */
  bytes: Uint8Array;
  rows: number;
  /** The key of the batch's last row, where the next batch starts. */
  last?: Cursor;
}

/** Batches written so far by each path (tests check which one a batch took). */
export interface CsvWriters {
  postgres: number;
  js: number;
}

/** What every batch of one export is written with. */
interface Export {
  db: SandboxDb;
  now: Date;
  ascending: boolean;
  /** A row's line written in JS. */
  write: (r: Flow) => string;
  writers?: CsvWriters;
}

/** A batch written by Postgres, or undefined if a row of it needs JS. */
async function postgresBatch(
  x: Export,
  page: SQL,
  w: SettlementWindow,
): Promise<Batch | undefined> {
  const [row] = await queryRaw(x.db, batchSql(page, w, x.now, x.ascending));
  if (!row) return { bytes: new Uint8Array(0), rows: 0 };
  const [lines, js, n, b, seq] = row;
  if (rawBool(js)) return undefined;
  return {
    bytes: lines ?? new Uint8Array(0),
    rows: rawInt4(n) ?? 0,
    last: { position: rawText(b) ?? "", seq: rawInt4(seq) ?? 0, reverse: false },
  };
}

/** The same batch read as rows and written line by line in JS. */
async function jsBatch(x: Export, page: SQL): Promise<Batch> {
  const dir = x.ascending ? sql`asc` : sql`desc`;
  // The whole batch as one JSON value: PGlite copies every field it returns into a buffer of its
  // own, which cost more than the query when each row came back as a dozen fields.
  const result = await x.db.execute<{ batch: string | null }>(sql`
    select json_agg(json_build_array(id, transaction_id, seq, booked_at, kind, amount, rail,
        description, details, pocket_id) order by booked_at ${dir}, seq ${dir})::text as batch
    from (${page}) p`);
  const text = result.rows[0]?.batch;
  const rows = text ? (JSON.parse(text) as BatchRow[]) : [];
  let lines = "";
  let last: Cursor | undefined;
  for (const c of rows) {
    const flow: Flow = {
      id: c[0],
      transactionId: c[1],
      seq: c[2],
      bookedAt: new Date(c[3]),
      kind: c[4],
      amount: c[5],
      rail: c[6],
      description: c[7],
      details: c[8],
      pocketId: c[9],
    };
    lines += x.write(flow);
    last = { position: flow.bookedAt.toISOString(), seq: flow.seq, reverse: false };
  }
  return { bytes: Buffer.from(lines), rows: rows.length, last };
}

/** The batch at `page`, written by Postgres unless a row of it needs JS. */
async function writeBatch(x: Export, page: SQL, w: SettlementWindow): Promise<Batch> {
  const written = await postgresBatch(x, page, w);
  if (written) {
    if (x.writers) x.writers.postgres++;
    return written;
  }
  if (x.writers) x.writers.js++;
  return jsBatch(x, page);
}

/**
 * Every matching row in `order` as CSV lines (no header), UTF-8, one chunk of whole lines per
 * batch of `batch` rows.
 */
export async function* transactionCsvChunks(
  db: SandboxDb,
  f: TransactionFilter,
  order: "asc" | "desc",
  now: Date,
  o: { batch?: number; writers?: CsvWriters } = {},
): AsyncGenerator<Uint8Array> {
  const batch = o.batch ?? 5_000;
  const ascending = order === "asc";
  const pocketIds = await ownedPockets(db, f);
  if (pocketIds.length === 0) return;
  const filter = transactionWhere(f);
  const x: Export = {
    db,
    now,
    ascending,
    write: lineWriter(now, f.customerId),
    writers: o.writers,
  };
  let window = settlementWindow(now.toISOString().slice(0, 10));
  let cursor: Cursor | undefined;
  for (;;) {
    const next = await writeBatch(x, pageSql(pocketIds, filter, cursor, ascending, batch), window);
    if (next.bytes.length > 0) yield next.bytes;
    if (next.rows < batch || !next.last) return;
    cursor = next.last;
    window = windowAround(window, cursor.position.slice(0, 10));
  }
}
