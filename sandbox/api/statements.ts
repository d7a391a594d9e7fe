/**
 * Statements v1: the list (filters: account, type, key; newest first; cursor pages), each item
 * with a fresh 10-minute link to its PDF.
 */
import type { Context } from "hono";
import {
  STATEMENT_ARRAY_PARAMS,
  StatementList,
  StatementListQuery,
} from "../../lib/jiko/statements";
import type { SandboxDb } from "../db/open";
import { signDocument } from "../documents/signed-url";
import { type Cursor, decodeCursor, keysetPage } from "../http/cursor";
import { availableStatements, type StatementRef } from "../ledger/statements";
import { customerOfTeam } from "../pocket-admin";
import type { Principal } from "./auth";
import { clockOf } from "./pockets";
import { parse, RequestInvalid } from "./team";

/** Newest first is (time_created, seq) descending; "beyond" a cursor follows the direction. */
const beyond = (s: StatementRef, c: Cursor, ascending: boolean) => {
  const cmp = s.timeCreated.localeCompare(c.position) || s.seq - c.seq;
  return ascending ? cmp > 0 : cmp < 0;
};

export async function listStatements(db: SandboxDb, p: Principal, c: Context) {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.req.query())) {
    if (!(STATEMENT_ARRAY_PARAMS as readonly string[]).includes(k)) raw[k] = v;
  }
  for (const k of STATEMENT_ARRAY_PARAMS) {
    const values = c.req.queries(k);
    if (values?.length) raw[k] = values;
  }
  const q = parse(StatementListQuery, raw, "query");
  const cursor = q.cursor ? decodeCursor(q.cursor, (x) => !Number.isNaN(Date.parse(x))) : undefined;
  if (q.cursor && !cursor) {
    throw new RequestInvalid([
      { loc: ["query", "cursor"], msg: "Invalid cursor", type: "value_error", input: q.cursor },
    ]);
  }
  const clock = clockOf(c);
  await clock.catchUp();
  const all = (
    await availableStatements(db, await customerOfTeam(db, p.teamId), await clock.today())
  )
    .filter((s) => !q["account[]"] || q["account[]"].includes(s.pocketId))
    .filter((s) => !q["type[]"] || q["type[]"].includes(s.type))
    .filter((s) => !q.key || s.key === q.key || s.key.startsWith(`${q.key}-`));
  const page = await keysetPage({
    cursor,
    limit: q.limit ?? 30,
    order: "desc",
    fetch: async (cur, ascending, n) => {
      const rows = cur ? all.filter((s) => beyond(s, cur, ascending)) : all;
      return (ascending ? [...rows].reverse() : rows).slice(0, n);
    },
    keyOf: (s) => ({ position: s.timeCreated, seq: s.seq }),
  });
  const origin = new URL(c.req.url).origin;
  const now = Date.now();
  return StatementList.parse({
    prev_page: page.prev_page,
    next_page: page.next_page,
    items: page.rows.map((s) => ({
      id: s.id,
      jiko_account_id: s.pocketId,
      type: s.type,
      key: s.key,
      pdf_download_url: `${origin}/_sandbox/documents/${signDocument(
        { kind: "statement", id: `${s.pocketId}|${s.type}|${s.key}` },
        now,
      )}`,
      time_created: s.timeCreated,
      object_type: "Statement",
    })),
    object_type: "CursorList",
  });
}
