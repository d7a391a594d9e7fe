import { and, asc, desc, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
/**
 * Opaque cursors like Jiko's: base64 of `p=<position>&s=<sequence>[&r=1]` naming the boundary
 * row of a page (`r=1` on a `prev_page`, read backwards). Lists order by (position, sequence).
 */
export interface Cursor {
  position: string;
  seq: number;
  reverse: boolean;
}

export const encodeCursor = (position: string, seq: number, reverse: boolean) =>
  Buffer.from(
    new URLSearchParams({ p: position, s: String(seq), ...(reverse && { r: "1" }) }).toString(),
  ).toString("base64url");

/** Ours are short base64url; Jiko's are base64 too. Anything else is refused before decoding. */
const CURSOR_TEXT = /^[A-Za-z0-9_-]{1,512}$/;
/** Row sequences fit a Postgres integer (`serial`): 0 to 2^31 - 1. */
const SEQ_TEXT = /^\d{1,10}$/;
const SEQ_MAX = 2 ** 31 - 1;

/**
 * A position as `encodeCursor` writes it: a calendar date (`2026-11-30`) or an instant as
 * `toISOString` gives it, years 0001 to 9999. Anything else (month 13, "1", year 99999) cannot be
 * ours, and some of it would make Postgres fail the query.
 */
export function isCanonicalPosition(p: string): boolean {
  if (p.startsWith("0000")) return false;
  if (/^\d{4}-\d{2}-\d{2}$/.test(p)) {
    const d = new Date(`${p}T00:00:00.000Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === p;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(p)) {
    const d = new Date(p);
    return !Number.isNaN(d.getTime()) && d.toISOString() === p;
  }
  return false;
}

/**
 * The cursor, or undefined when it is not one of ours: wrong characters or length, a position
 * `encodeCursor` would not write or `validPosition` refuses, a sequence outside a Postgres integer.
 * Callers answer 422 for undefined; a garbage cursor never reaches the database.
 */
export function decodeCursor(
  cursor: string,
  validPosition: (p: string) => boolean,
): Cursor | undefined {
  if (!CURSOR_TEXT.test(cursor)) return undefined;
  const q = new URLSearchParams(Buffer.from(cursor, "base64url").toString("utf8"));
  const position = q.get("p");
  const s = q.get("s");
  if (!position || !isCanonicalPosition(position) || !validPosition(position)) return undefined;
  if (!s || !SEQ_TEXT.test(s) || Number(s) > SEQ_MAX) return undefined;
  return { position, seq: Number(s), reverse: q.get("r") === "1" };
}

/**
 * One page from a keyset query: `fetch(after, ascending, n)` reads rows strictly beyond a cursor
 * in the given direction. Forward pages follow `order`; a reverse cursor reads backwards and flips.
 */
export async function keysetPage<R>(o: {
  cursor?: Cursor;
  limit: number;
  order: "asc" | "desc";
  fetch: (cursor: Cursor | undefined, ascending: boolean, n: number) => Promise<R[]>;
  keyOf: (row: R) => { position: string; seq: number };
}) {
  const c = o.cursor;
  const ascending = o.order === "asc";
  let rows: R[];
  let more: boolean;
  if (c?.reverse) {
    const found = await o.fetch(c, !ascending, o.limit + 1);
    more = found.length > o.limit;
    rows = found.slice(0, o.limit).reverse();
  } else {
    const found = await o.fetch(c, ascending, o.limit + 1);
    more = found.length > o.limit;
    rows = found.slice(0, o.limit);
  }
  const hasNext = c?.reverse ? true : more;
  const hasPrev = c?.reverse ? more : c !== undefined;
  const first = rows[0];
  const last = rows.at(-1);
  const enc = (r: R, reverse: boolean) => {
    const k = o.keyOf(r);
    return encodeCursor(k.position, k.seq, reverse);
  };
  return {
    rows,
    prev_page: hasPrev && first ? enc(first, true) : null,
    next_page: hasNext && last ? enc(last, false) : null,
  };
}

/**
 * Rows strictly beyond a cursor in (position, seq) order, up (ascending) or down the list, as a
 * row-value comparison: Postgres reads it as a range on the (position, seq) index, so every page
 * costs the same however deep it is (an OR of the two columns scans from the top each time).
 */
export function beyondCursor(
  position: AnyPgColumn,
  seq: AnyPgColumn,
  c: Cursor,
  ascending: boolean,
  cast: "timestamptz" | "date",
): SQL {
  const value = cast === "timestamptz" ? new Date(c.position).toISOString() : c.position;
  return ascending
    ? sql`(${position}, ${seq}) > (${value}::${sql.raw(cast)}, ${c.seq})`
    : sql`(${position}, ${seq}) < (${value}::${sql.raw(cast)}, ${c.seq})`;
}

/**
 * The common case of keysetPage: a table listed by a timestamp column and its seq (newest first
 * unless asked otherwise). `read(where, orderBy, n)` runs the select with the filter and the
 * cursor's bound already combined, so each list only says what it selects.
 */
export function timestampPage<R extends { seq: number }>(o: {
  cursor?: Cursor;
  limit: number;
  order: "asc" | "desc";
  time: AnyPgColumn;
  seq: AnyPgColumn;
  filter: SQL | undefined;
  read: (where: SQL | undefined, orderBy: [SQL, SQL], n: number) => Promise<R[]>;
  timeOf: (row: R) => Date;
}) {
  return keysetPage({
    cursor: o.cursor,
    limit: o.limit,
    order: o.order,
    fetch: (cur, ascending, n) => {
      const dir = ascending ? asc : desc;
      const where = cur
        ? and(o.filter, beyondCursor(o.time, o.seq, cur, ascending, "timestamptz"))
        : o.filter;
      return o.read(where, [dir(o.time), dir(o.seq)], n);
    },
    keyOf: (r) => ({ position: o.timeOf(r).toISOString(), seq: r.seq }),
  });
}
