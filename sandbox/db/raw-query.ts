/**
 * One statement through Postgres's wire protocol, its result columns in binary format: text comes
 * back as its UTF-8 bytes. PGlite's `query` decodes every text field into a JS string, which an
 * export then encodes straight back into bytes; for a large text each way costs more than the
 * query that wrote it. Only for reads: no notices, blobs or listeners are handled here.
 */
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SandboxDb } from "./open";

/** A result row: each field's bytes in binary format (text: UTF-8, int4: big-endian), or null. */
export type RawRow = (Uint8Array | null)[];

export class RawQueryError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

const dialect = new PgDialect();
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A frontend message: its type byte, then its length (itself included) and body. */
function message(type: string, ...body: Uint8Array[]): Uint8Array {
  const size = body.reduce((n, part) => n + part.length, 0);
  const out = new Uint8Array(5 + size);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, 4 + size);
  let at = 5;
  for (const part of body) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const cString = (s: string) => encoder.encode(`${s}\0`);
function int16(n: number) {
  const out = new Uint8Array(2);
  new DataView(out.buffer).setInt16(0, n);
  return out;
}
function int32(n: number) {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, n);
  return out;
}

/** A parameter as text, for Postgres to read as the type the statement gives it. */
function paramText(value: unknown): Uint8Array | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return encoder.encode(value);
  if (typeof value === "number" || typeof value === "bigint") return encoder.encode(String(value));
  throw new TypeError(`queryRaw takes text and numbers as parameters, not ${typeof value}`);
}

/** Parse, Bind (text parameters, binary results), Execute and Sync of the unnamed statement. */
function extendedQuery(text: string, params: readonly unknown[]): Uint8Array {
  const values = params.map(paramText);
  const bind = values.flatMap((v) => (v === null ? [int32(-1)] : [int32(v.length), v]));
  const parts = [
    message("P", cString(""), cString(text), int16(0)),
    message(
      "B",
      cString(""),
      cString(""),
      int16(0),
      int16(values.length),
      ...bind,
      int16(1),
      int16(1),
    ),
    message("E", cString(""), int32(0)),
    message("S"),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An ErrorResponse's fields: a code byte, then text, each field ending in a zero byte. */
function errorOf(body: Uint8Array): RawQueryError {
  const fields = new Map<string, string>();
  for (const field of decoder.decode(body).split("\0")) {
    if (field) fields.set(field[0] as string, field.slice(1));
  }
  return new RawQueryError(fields.get("M") ?? "query failed", fields.get("C"));
}

/** The DataRows of a backend response (views into it), or its ErrorResponse thrown. */
function rowsOf(response: Uint8Array): RawRow[] {
  const view = new DataView(response.buffer, response.byteOffset, response.byteLength);
  const rows: RawRow[] = [];
  let error: RawQueryError | undefined;
  for (let at = 0; at < response.length; ) {
    const type = response[at];
    const end = at + 1 + view.getInt32(at + 1);
    if (type === 0x44 /* D */) {
      const row: RawRow = [];
      let p = at + 7;
      for (let n = view.getInt16(at + 5); n > 0; n--) {
        const size = view.getInt32(p);
        p += 4;
        row.push(size < 0 ? null : response.subarray(p, p + size));
        if (size > 0) p += size;
      }
      rows.push(row);
    } else if (type === 0x45 /* E */) {
      error ??= errorOf(response.subarray(at + 5, end));
    }
    at = end;
  }
  if (error) throw error;
  return rows;
}

/**
 * Runs `query` and returns its rows. It waits for any transaction in progress, as PGlite's own
 * `query` does: run between a transaction's statements, it would read inside it. The response is
 * taken as it streams out (views into PGlite's memory, copied at once); `execProtocolRaw` would
 * also parse it into messages and keep them.
 */
export async function queryRaw(db: SandboxDb, query: SQL): Promise<RawRow[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const request = extendedQuery(text, params);
  const pg = db.$client;
  const chunks: Uint8Array[] = [];
  await pg._runExclusiveTransaction(() =>
    pg._runExclusiveQuery(() =>
      pg.execProtocolRawStream(request, {
        syncToFs: false,
        onRawData: (data) => chunks.push(data.slice()),
      }),
    ),
  );
  return rowsOf(chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks));
}

/** Binary-format field readers. */
export const rawText = (field: Uint8Array | null | undefined) =>
  field ? decoder.decode(field) : null;
export const rawInt4 = (field: Uint8Array | null | undefined) =>
  field ? new DataView(field.buffer, field.byteOffset, 4).getInt32(0) : null;
export const rawBool = (field: Uint8Array | null | undefined) => (field ? field[0] === 1 : null);
