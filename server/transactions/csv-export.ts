import "server-only";
import { csvCell, csvFields, neutralizeCsvRecord } from "@/lib/csv";
import type { TransactionQuery } from "@/lib/jiko/transactions";
import { centsToDecimalString, decimalStringToCents } from "@/lib/money";
import {
  ChunkWriter,
  COMMA,
  CR,
  cellAt,
  DEBIT,
  FORMULA_BYTE,
  HeldRecord,
  type HourBytes,
  isPlainPositiveAmount,
  LF,
  MAX_RECORD_BYTES,
  MINUS,
  QUOTE,
  quotedRecordEnd,
  utcHourKey,
} from "./csv-bytes";
import { newYorkTimes } from "./new-york-time";

/** Bytes of Jiko's file gathered before a pass over them (see `transactionCsvExport`). */
const GATHER_BYTES = 1 << 20;

/** An amount as Jiko writes it ("1250.00", "-3.5"): what decimalStringToCents reads. */
const DECIMAL_AMOUNT = /^-?\d+(\.\d{1,2})?$/;

type RowFilter = Pick<TransactionQuery, "direction" | "amount_from" | "amount_to">;

/** The fields of a record (body: the record without its line break); a split without quotes. */
const fieldsOf = (record: string, body: string) =>
  record.includes('"') ? csvFields(record) : body.split(",");

/**
 * Whether a row passes the direction and amount filters, from its direction and amount cells. An
 * amount that is not a decimal cannot be shown to be in range: it fails an amount filter (and no
 * longer stops the whole file with a RangeError).
 */
function rowPasses(f: RowFilter, direction: string | undefined, amount: string | undefined) {
  if (f.direction && direction !== f.direction) return false;
  if (f.amount_from === undefined && f.amount_to === undefined) return true;
  const text = amount?.trim();
  if (text === undefined || !DECIMAL_AMOUNT.test(text)) return false;
  const cents = decimalStringToCents(text);
  if (f.amount_from !== undefined && cents < f.amount_from) return false;
  if (f.amount_to !== undefined && cents > f.amount_to) return false;
  return true;
}

const hasRowFilter = (f: RowFilter) =>
  Boolean(f.direction) || f.amount_from !== undefined || f.amount_to !== undefined;

/**
 * Jiko's transactions.csv documents only the pocket, type and time filters: the direction and
 * amount filters on screen are applied here as well, row by row while the file streams through
 * the export's formula guard (a no-op when Jiko applied them already). The header names the
 * columns, so their order is read from it rather than assumed. Undefined when nothing to filter.
 */
export function transactionRowFilter(f: RowFilter): ((record: string) => boolean) | undefined {
  if (!hasRowFilter(f)) return undefined;
  let columns: { direction: number; amount: number } | undefined;
  return (record) => {
    if (!columns) {
      const names = csvFields(record);
      columns = { direction: names.indexOf("direction"), amount: names.indexOf("amount") };
      return true;
    }
    if (!record.trim()) return false;
    const fields = csvFields(record);
    return rowPasses(f, fields[columns.direction], fields[columns.amount]);
  };
}

/**
 * Columns added after Jiko's own (kept as they are, for imports that expect them), for people
 * reading the file: the pocket's name, the amount signed by its direction, and the booked time
 * as the page shows it (New York, with its offset).
 */
export const READABLE_TRANSACTION_COLUMNS = [
  "pocket_name",
  "signed_amount_usd",
  "time_booked_new_york",
] as const;

/** Jiko's usual amount ("419.96", not zero): signed, it is itself, or itself after a "-". */
const PLAIN_POSITIVE_AMOUNT = /^(?:[1-9]\d{0,12}\.\d\d|0\.(?!00)\d\d)$/;

function signedDollars(amount: string | undefined, direction: string | undefined): string {
  if (amount && PLAIN_POSITIVE_AMOUNT.test(amount)) {
    return direction === "DEBIT" ? `-${amount}` : amount;
  }
  if (!amount || !DECIMAL_AMOUNT.test(amount)) return "";
  const cents = decimalStringToCents(amount);
  // Beyond a safe integer of cents no amount is exact: left blank rather than ending the file.
  if (!Number.isSafeInteger(cents)) return "";
  return centsToDecimalString(direction === "DEBIT" ? -cents : cents);
}

/**
 * An added amount or time as a cell: as it is when it is a plain amount or starts with a digit and
 * needs no quotes (no spreadsheet reads either as a formula), else quoted and guarded.
 */
const safeCell = (value: string) =>
  /^(?:-?\d+\.\d\d|\d[^",\r\n]*)$/.test(value) ? value : neutralizeCsvRecord(csvCell(value));

type Columns = Record<"pocket" | "amount" | "direction" | "booked", number>;

/**
 * The export's records as text: the header gets the readable columns' names; each row is
 * filtered (the direction and amount on screen), extended and guarded against formulas (the added
 * cells too: a pocket may be named like a formula).
 */
function rowWriter(pocketNames: ReadonlyMap<string, string>, filter: RowFilter) {
  const nyTime = newYorkTimes();
  const filtering = hasRowFilter(filter);
  const names = new Map<string, string>();
  /** The pocket's name as a guarded cell, worked out once per pocket. */
  const nameCell = (id: string) => {
    let cell = names.get(id);
    if (cell === undefined) {
      cell = neutralizeCsvRecord(csvCell(pocketNames.get(id) ?? ""));
      names.set(id, cell);
    }
    return cell;
  };
  let at: Columns | undefined;

  /**
   * The cells a row gets after Jiko's, from the row's own cells, or null when the filters drop
   * the row. They are guarded apart from Jiko's cells, which is what guarding the whole line
   * does: a signed amount and a time that starts with a digit are safe as they are.
   */
  const added = (
    pocket: string | undefined,
    amount: string | undefined,
    direction: string | undefined,
    booked: string | undefined,
  ): string | null => {
    if (filtering && !rowPasses(filter, direction, amount)) return null;
    const signed = signedDollars(amount, direction);
    return `,${nameCell(pocket ?? "")},${safeCell(signed)},${safeCell(nyTime.format(booked))}`;
  };

  /** One record (its line break included), as it goes out: "" when the filters drop it. */
  const extend = (record: string): string => {
    const eol = record.endsWith("\r\n") ? "\r\n" : record.endsWith("\n") ? "\n" : "";
    const body = record.slice(0, record.length - eol.length);
    const fields = fieldsOf(record, body);
    if (!at) {
      at = {
        pocket: fields.indexOf("pocket_id"),
        amount: fields.indexOf("amount"),
        direction: fields.indexOf("direction"),
        booked: fields.indexOf("time_booked"),
      };
      return neutralizeCsvRecord(`${body},${READABLE_TRANSACTION_COLUMNS.join(",")}${eol}`);
    }
    if (filtering && !record.trim()) return "";
    if (!body.trim()) return neutralizeCsvRecord(record);
    const cells = added(
      fields[at.pocket],
      fields[at.amount],
      fields[at.direction],
      fields[at.booked],
    );
    return cells === null ? "" : `${neutralizeCsvRecord(body)}${cells}${eol}`;
  };

  return {
    added,
    filtering,
    nameCell,
    localHour: nyTime.localHour,
    /** The header's columns, once the header has been through. */
    columns: () => at,
    /** A record as text; a byte-order mark before the header is kept in front of it. */
    text(record: string): string {
      const bom = !at && record.startsWith("\uFEFF") ? "\uFEFF" : "";
      return bom + extend(bom ? record.slice(1) : record);
    },
  };
}

/**
 * Jiko's transactions file with readable columns added, in one streaming pass over its bytes.
 * Each chunk is cut into whole records. A plain row (no quotes, no cell that could start a
 * formula: nearly all of them) is copied as bytes, and the added cells are worked out from four
 * of its cells (pocket, amount, direction, booked time): from their bytes for Jiko's usual amount
 * and UTC time (`quickRow`; reading the four as text took half of the export's own time), as text
 * otherwise. The header and any other record go through `rowWriter` as text. Decoding every row
 * into a string, cutting it into records and encoding it back was about a third of the export's
 * own time. Only the unfinished last record is held between passes. Jiko's own bytes in plain
 * rows go out as they came (not decoded, so not re-encoded either).
 */
export function transactionCsvExport(
  upstream: ReadableStream<Uint8Array>,
  pocketNames: ReadonlyMap<string, string>,
  filter: RowFilter,
  /** Bytes gathered before a pass (tests pass 1: each chunk alone, to cut records anywhere). */
  gatherBytes = GATHER_BYTES,
): ReadableStream<Uint8Array> {
  const rows = rowWriter(pocketNames, filter);
  // Whole records only: a record ends at a "\n" byte, which is never inside a UTF-8 sequence.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const asText = (bytes: Buffer, start: number, end: number) =>
    rows.text(decoder.decode(bytes.subarray(start, end)));
  const held = new HeldRecord();
  /** The commas of the row being read. */
  const commas: number[] = [];
  const cellStart = (start: number, column: number) =>
    column === 0 ? start : commas[column - 1]! + 1;
  const cellEnd = (end: number, column: number) => (column < commas.length ? commas[column]! : end);

  /** Pockets' name cells as bytes, and the last row's pocket id as bytes with its cell. */
  const nameBytes = new Map<string, Buffer>();
  let lastPocket: { id: Buffer; cell: Buffer } | undefined;
  const hourBytes = new Map<number, HourBytes | null>();

  /** The pocket's name cell for the id at bytes[from, to). */
  const nameAt = (bytes: Buffer, from: number, to: number): Buffer => {
    const last = lastPocket;
    if (
      last &&
      last.id.length === to - from &&
      bytes.compare(last.id, 0, to - from, from, to) === 0
    )
      return last.cell;
    const id = bytes.toString("utf8", from, to);
    let cell = nameBytes.get(id);
    if (!cell) {
      if (nameBytes.size > 10_000) nameBytes.clear();
      cell = Buffer.from(rows.nameCell(id));
      nameBytes.set(id, cell);
    }
    lastPocket = { id: Buffer.from(bytes.subarray(from, to)), cell };
    return cell;
  };

  /**
   * A plain row with its added cells worked out from its bytes, when its amount is Jiko's usual
   * one and its time a UTC time (nearly every row): no string per cell, the pocket's name and the
   * local hour as bytes remembered. The same text as `rows.added` gives. False, having written
   * nothing, for any other row, which then goes that way.
   */
  const quickRow = (
    bytes: Buffer,
    start: number,
    end: number,
    lf: number,
    at: Columns,
    out: ChunkWriter,
  ): boolean => {
    const last = commas.length;
    const { pocket, amount, direction, booked } = at;
    if (Math.min(pocket, amount, direction, booked) < 0) return false;
    if (Math.max(pocket, amount, direction, booked) > last) return false;
    const amountFrom = cellStart(start, amount);
    const amountTo = cellEnd(end, amount);
    if (!isPlainPositiveAmount(bytes, amountFrom, amountTo)) return false;
    const bookedFrom = cellStart(start, booked);
    const key = utcHourKey(bytes, bookedFrom, cellEnd(end, booked));
    if (key < 0) return false;
    let hour = hourBytes.get(key);
    if (hour === undefined) {
      if (hourBytes.size > 100_000) hourBytes.clear();
      const local = rows.localHour(bytes.toString("latin1", bookedFrom, bookedFrom + 13));
      hour = local && { hour: Buffer.from(local.hour), suffix: Buffer.from(local.suffix) };
      hourBytes.set(key, hour);
    }
    if (!hour) return false;
    const directionFrom = cellStart(start, direction);
    const directionTo = cellEnd(end, direction);
    const debit =
      directionTo - directionFrom === DEBIT.length &&
      bytes.compare(DEBIT, 0, DEBIT.length, directionFrom, directionTo) === 0;
    const name = nameAt(bytes, cellStart(start, pocket), cellEnd(end, pocket));
    out.bytes(bytes, start, end);
    out.byte(COMMA);
    out.bytes(name, 0, name.length);
    out.byte(COMMA);
    if (debit) out.byte(MINUS);
    out.bytes(bytes, amountFrom, amountTo);
    out.byte(COMMA);
    out.bytes(hour.hour, 0, hour.hour.length);
    out.bytes(bytes, bookedFrom + 13, bookedFrom + 19);
    out.bytes(hour.suffix, 0, hour.suffix.length);
    if (end !== lf) out.byte(CR);
    out.byte(LF);
    return true;
  };

  /** A plain row from `start` to its "\n" at `lf`, written; false when it needs the text path. */
  const plainRow = (bytes: Buffer, start: number, lf: number, at: Columns, out: ChunkWriter) => {
    const end = lf > start && bytes[lf - 1] === CR ? lf - 1 : lf;
    if (end === start || FORMULA_BYTE[bytes[start]!]) return false;
    commas.length = 0;
    // One look at each byte (indexOf per comma cost more, called a dozen times a row).
    for (let i = start; i < end; i++) {
      if (bytes[i] !== COMMA) continue;
      if (i + 1 < end && FORMULA_BYTE[bytes[i + 1]!]) return false;
      commas.push(i);
    }
    // A line without a comma is no transaction (a blank or whitespace-only line, say).
    if (commas.length === 0) return false;
    if (!rows.filtering && quickRow(bytes, start, end, lf, at, out)) return true;
    const cells = rows.added(
      cellAt(bytes, start, end, commas, at.pocket),
      cellAt(bytes, start, end, commas, at.amount),
      cellAt(bytes, start, end, commas, at.direction),
      cellAt(bytes, start, end, commas, at.booked),
    );
    if (cells === null) return true;
    out.bytes(bytes, start, end);
    out.text(end === lf ? `${cells}\n` : `${cells}\r\n`);
    return true;
  };

  const run = (bytes: Buffer, last: boolean): Uint8Array | undefined => {
    const out = new ChunkWriter(bytes.length + (bytes.length >> 1) + 256);
    let start = 0;
    let quote = -2;
    while (start < bytes.length) {
      if (quote !== -1 && quote < start) quote = bytes.indexOf(QUOTE, start);
      let lf = bytes.indexOf(LF, start);
      const quoted = quote !== -1 && (lf === -1 || quote < lf);
      if (quoted) lf = quotedRecordEnd(bytes, start);
      if (lf === -1) {
        if (!last) break;
        out.text(asText(bytes, start, bytes.length));
        start = bytes.length;
        break;
      }
      const at = rows.columns();
      if (quoted || !at || !plainRow(bytes, start, lf, at, out)) {
        out.text(asText(bytes, start, lf + 1));
      }
      start = lf + 1;
    }
    if (start < bytes.length) held.add(bytes.subarray(start));
    return out.take();
  };

  /** Cuts `bytes` into whole records and passes them on, holding the unfinished last one. */
  const pass = (input: Buffer, controller: TransformStreamDefaultController<Uint8Array>) => {
    let bytes = input;
    if (held.length > 0) {
      const end = held.endIn(bytes);
      if (end === -1) {
        held.add(bytes);
        if (held.length > MAX_RECORD_BYTES) {
          controller.error(
            new Error(`a record of Jiko's transactions file runs past ${MAX_RECORD_BYTES} bytes`),
          );
        }
        return;
      }
      const record = run(held.take(bytes.subarray(0, end + 1)), false);
      if (record) controller.enqueue(record);
      bytes = bytes.subarray(end + 1);
    }
    const out = run(bytes, false);
    if (out) controller.enqueue(out);
  };

  // What arrived since the last pass: Jiko's file comes 64 KiB at a time, and each pass costs the
  // same whatever its size (an output buffer, the record cut at its end, a write), so a pass
  // waits for `gatherBytes` (1 MiB: a twentieth of a second of the file at 100,000 rows a second).
  let gathered: Buffer[] = [];
  let gatheredBytes = 0;
  const passGathered = (controller: TransformStreamDefaultController<Uint8Array>) => {
    if (gatheredBytes === 0) return;
    const bytes = gathered.length === 1 ? gathered[0]! : Buffer.concat(gathered, gatheredBytes);
    gathered = [];
    gatheredBytes = 0;
    pass(bytes, controller);
  };

  return upstream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        gathered.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        gatheredBytes += chunk.byteLength;
        if (gatheredBytes >= gatherBytes) passGathered(controller);
      },
      flush(controller) {
        passGathered(controller);
        const out = held.length > 0 ? run(held.take(), true) : undefined;
        if (out) controller.enqueue(out);
      },
    }),
  );
}
