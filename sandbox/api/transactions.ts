/**
 * Transactions v2: the list, filtered and paged by cursor, and the CSV with the same filters,
 * over the ledger's flows.
 */
import type { Context } from "hono";
import {
  TRANSACTION_ARRAY_PARAMS,
  TRANSACTION_CSV_COLUMNS,
  TransactionListQuery,
} from "../../lib/jiko/transactions";
import type { SandboxDb } from "../db/open";
import { csvBytesStream, csvResponse } from "../http/csv";
import { decodeTransactionCursor, transactionPage } from "../ledger/transactions";
import { transactionCsvChunks } from "../ledger/transactions-csv";
import { customerOfTeam } from "../pocket-admin";
import type { Principal } from "./auth";
import { clockOf } from "./pockets";
import { parse, RequestInvalid } from "./team";

/** The query as Jiko reads it: repeatable `name[]` parameters, the rest single. */
export function transactionQuery(c: Context) {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.req.query())) {
    if (!(TRANSACTION_ARRAY_PARAMS as readonly string[]).includes(k)) raw[k] = v;
  }
  for (const k of TRANSACTION_ARRAY_PARAMS) {
    const values = c.req.queries(k);
    if (values?.length) raw[k] = values;
  }
  return parse(TransactionListQuery, raw, "query");
}

export async function listTransactions(db: SandboxDb, p: Principal, c: Context) {
  const { cursor, limit, order, ...filter } = transactionQuery(c);
  const decoded = cursor ? decodeTransactionCursor(cursor) : undefined;
  if (cursor && !decoded) {
    throw new RequestInvalid([
      { loc: ["query", "cursor"], msg: "Invalid cursor", type: "value_error", input: cursor },
    ]);
  }
  const clock = clockOf(c);
  await clock.catchUp();
  return transactionPage(
    db,
    { ...filter, customerId: await customerOfTeam(db, p.teamId) },
    { cursor: decoded, limit: limit ?? 30, order: order ?? "desc", now: await clock.now() },
  );
}

/** transactions.csv: every matching row in the list's order, streamed as it is read. */
export async function transactionsCsv(db: SandboxDb, p: Principal, c: Context) {
  const { cursor: _cursor, limit: _limit, order, ...filter } = transactionQuery(c);
  const clock = clockOf(c);
  await clock.catchUp();
  const chunks = transactionCsvChunks(
    db,
    { ...filter, customerId: await customerOfTeam(db, p.teamId) },
    order ?? "desc",
    await clock.now(),
  );
  return csvResponse(csvBytesStream(TRANSACTION_CSV_COLUMNS, chunks), "transactions.csv");
}
