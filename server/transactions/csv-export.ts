import "server-only";
import { csvCell, csvFields, FORMULA_START_CHARACTERS, neutralizeCsvRecord } from "@/lib/csv";
import { nyDateTimeWithOffset } from "@/lib/dates";
import type { TransactionQuery } from "@/lib/jiko/transactions";
import { centsToDecimalString, decimalStringToCents } from "@/lib/money";

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

const DAY_MS = 86_400_000;
/** Zones change offset on a quarter hour at most. */
const QUARTER_HOUR_MS = 15 * 60_000;

interface Offset {
  minutes: number;
  suffix: string;
}

/** New York's offset at an instant on a whole second, read from nyDateTimeWithOffset itself. */
function offsetAt(instant: number): Offset {
  const start = new Date(instant).toISOString();
  const text = nyDateTimeWithOffset(start);
  const minutes = Math.round((Date.parse(`${text.slice(0, 19)}Z`) - instant) / 60_000);
  return { minutes, suffix: text.slice(19) };
}

/**
 * nyDateTimeWithOffset with the zone's offset looked up once per UTC day (a time-zone formatter
 * per row was most of the export's time): a day that starts and ends on the same offset keeps it
 * throughout (New York changes twice a year, months apart); the two days that change are looked
 * up per quarter hour.
 */
function exactNewYorkTimes() {
  const days = new Map<number, Offset | null>();
  const quarters = new Map<number, Offset>();
  return (iso: string | undefined): string => {
    const instant = iso ? Date.parse(iso) : Number.NaN;
    if (Number.isNaN(instant)) return "";
    const day = Math.floor(instant / DAY_MS);
    let offset = days.get(day);
    if (offset === undefined) {
      if (days.size > 10_000) days.clear();
      const first = offsetAt(day * DAY_MS);
      const last = offsetAt((day + 1) * DAY_MS - 1_000);
      offset = first.suffix === last.suffix ? first : null;
      days.set(day, offset);
    }
    if (offset === null) {
      const quarter = Math.floor(instant / QUARTER_HOUR_MS);
      offset = quarters.get(quarter);
      if (!offset) {
        if (quarters.size > 10_000) quarters.clear();
        offset = offsetAt(quarter * QUARTER_HOUR_MS);
        quarters.set(quarter, offset);
      }
    }
    // Years beyond 9999 do not fit the pattern: the formatter itself answers for them.
    if (Number.isNaN(offset.minutes)) return nyDateTimeWithOffset(iso as string);
    const local = new Date(Math.floor(instant / 1000) * 1000 + offset.minutes * 60_000);
    return `${local.toISOString().slice(0, 19)}${offset.suffix}`;
  };
}

/** A UTC time as Jiko writes it: "2026-12-03T22:59:55.091Z" (fraction optional). */
const UTC_TIME = /^\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?Z$/;

/** A UTC hour in New York: the local "YYYY-MM-DDTHH" and the offset written after the seconds. */
interface LocalHour {
  hour: string;
  suffix: string;
}

/**
 * exactNewYorkTimes, without a Date per row for Jiko's own format (a parse and a Date per row were
 * nearly half of the rows' own work, and Next's server wraps the Date constructor, which makes
 * each one dearer still): New York is a whole number of hours from UTC and
 * changes offset on a UTC hour, so the local hour and the offset are worked out once per UTC
 * hour and the minutes and seconds kept as written. Anything else goes the exact way.
 */
function newYorkTimes() {
  const exact = exactNewYorkTimes();
  const hours = new Map<string, LocalHour | null>();
  const hourOf = (key: string): LocalHour | null => {
    const first = exact(`${key}:00:00Z`);
    const last = exact(`${key}:59:59Z`);
    const whole = first.slice(13, 19) === ":00:00" && last.slice(13, 19) === ":59:59";
    return whole && first.slice(19) === last.slice(19)
      ? { hour: first.slice(0, 13), suffix: first.slice(19) }
      : null;
  };
  /** The hour `key` ("YYYY-MM-DDTHH", UTC), remembered; null when it is not one whole offset. */
  const localHour = (key: string): LocalHour | null => {
    let local = hours.get(key);
    if (local === undefined) {
      if (hours.size > 100_000) hours.clear();
      local = hourOf(key);
      hours.set(key, local);
    }
    return local;
  };
  return {
    localHour,
    format(iso: string | undefined): string {
      if (!iso || !UTC_TIME.test(iso)) return exact(iso);
      const local = localHour(iso.slice(0, 13));
      return local ? `${local.hour}${iso.slice(13, 19)}${local.suffix}` : exact(iso);
    },
  };
}

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

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;
/** The bytes a formula cell starts with (lib/csv.ts). */
const FORMULA_BYTE = new Uint8Array(256);
for (const c of FORMULA_START_CHARACTERS) FORMULA_BYTE[c.charCodeAt(0)] = 1;

/** An output chunk written in place: bytes copied, text encoded straight into it. */
class ChunkWriter {
  private buf: Buffer;
  private n = 0;
  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafe(capacity);
  }
  private room(extra: number) {
    if (this.n + extra <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.n + extra));
    this.buf.copy(bigger, 0, 0, this.n);
    this.buf = bigger;
  }
  bytes(from: Buffer, start: number, end: number) {
    this.room(end - start);
    if (end - start > 16) {
      from.copy(this.buf, this.n, start, end);
      this.n += end - start;
    } else {
      // A few bytes: a loop costs less than a native call.
      for (let i = start; i < end; i++) this.buf[this.n++] = from[i]!;
    }
  }
  byte(b: number) {
    this.room(1);
    this.buf[this.n++] = b;
  }
  text(text: string) {
    if (!text) return;
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.room(text.length * 3);
    this.n += this.buf.write(text, this.n, "utf8");
  }
  take(): Uint8Array | undefined {
    return this.n ? this.buf.subarray(0, this.n) : undefined;
  }
}

/**
 * Where the record reaching `start` ends: its "\n" after an even number of quotes (counting the
 * `quotes` it held before `start`), or -1.
 */
function quotedRecordEnd(bytes: Buffer, start: number, quotes = 0): number {
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) quotes++;
    else if (b === LF && quotes % 2 === 0) return i;
  }
  return -1;
}

/**
 * A line of Jiko's file is a few hundred bytes: one past this is a quote left open, which would
 * make the rest of the file one record held in memory. The export stops there instead.
 */
export const MAX_RECORD_BYTES = 2 ** 20;

/**
 * The unfinished record carried from one chunk to the next: its pieces, joined once when its end
 * comes, and how many quotes it holds so far. A record longer than a chunk is scanned once, not
 * again with every chunk that adds to it.
 */
class HeldRecord {
  private pieces: Buffer[] = [];
  private quotes = 0;
  length = 0;
  add(piece: Buffer) {
    this.pieces.push(Buffer.from(piece));
    this.length += piece.length;
    for (let q = piece.indexOf(QUOTE); q !== -1; q = piece.indexOf(QUOTE, q + 1)) this.quotes++;
  }
  /** Where the held record ends in `next`: its "\n" after an even number of quotes, or -1. */
  endIn(next: Buffer): number {
    return quotedRecordEnd(next, 0, this.quotes);
  }
  /** The whole record (with `rest`, its last piece), and nothing held any more. */
  take(rest?: Buffer): Buffer {
    const all = Buffer.concat(rest ? [...this.pieces, rest] : this.pieces);
    this.pieces = [];
    this.quotes = 0;
    this.length = 0;
    return all;
  }
}

/** Cell `column` of an unquoted row (`start` to `end`) whose commas are at `commas`. */
function cellAt(bytes: Buffer, start: number, end: number, commas: number[], column: number) {
  if (column < 0 || column > commas.length) return undefined;
  const from = column === 0 ? start : commas[column - 1]! + 1;
  return bytes.toString("utf8", from, column < commas.length ? commas[column]! : end);
}

const DOT = 0x2e;
const MINUS = 0x2d;
const COLON = 0x3a;
const ZERO = 0x30;
const LETTER_T = 0x54;
const LETTER_Z = 0x5a;
const isDigit = (b: number | undefined) => b !== undefined && b >= ZERO && b <= ZERO + 9;
const DEBIT = Buffer.from("DEBIT");

/** Whether bytes[from, to) is Jiko's usual amount, as PLAIN_POSITIVE_AMOUNT reads text. */
function isPlainPositiveAmount(bytes: Buffer, from: number, to: number): boolean {
  const whole = to - from - 3;
  if (whole < 1 || whole > 13 || bytes[to - 3] !== DOT) return false;
  if (!isDigit(bytes[to - 2]) || !isDigit(bytes[to - 1])) return false;
  for (let i = from; i < to - 3; i++) if (!isDigit(bytes[i])) return false;
  if (bytes[from] !== ZERO) return true;
  return whole === 1 && !(bytes[to - 2] === ZERO && bytes[to - 1] === ZERO);
}

/** Offsets of the digits in "YYYY-MM-DDTHH:MM:SS", and of those up to the hour. */
const TIME_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
const HOUR_DIGITS = TIME_DIGITS.slice(0, 10);

/**
 * The UTC hour of bytes[from, to) as a number (YYYYMMDDHH) when they are a time as UTC_TIME reads
 * text, else -1.
 */
function utcHourKey(bytes: Buffer, from: number, to: number): number {
  const n = to - from;
  if (n < 20 || n === 21 || n > 30 || bytes[to - 1] !== LETTER_Z) return -1;
  for (const i of TIME_DIGITS) if (!isDigit(bytes[from + i])) return -1;
  if (bytes[from + 4] !== MINUS || bytes[from + 7] !== MINUS || bytes[from + 10] !== LETTER_T)
    return -1;
  if (bytes[from + 13] !== COLON || bytes[from + 16] !== COLON) return -1;
  const h1 = bytes[from + 11]! - ZERO;
  const h2 = bytes[from + 12]! - ZERO;
  if (h1 > 2 || (h1 === 2 && h2 > 3)) return -1;
  if (bytes[from + 14]! - ZERO > 5 || bytes[from + 17]! - ZERO > 5) return -1;
  if (n > 20) {
    if (bytes[from + 19] !== DOT) return -1;
    for (let i = from + 20; i < to - 1; i++) if (!isDigit(bytes[i])) return -1;
  }
  let key = 0;
  for (const i of HOUR_DIGITS) key = key * 10 + bytes[from + i]! - ZERO;
  return key;
}

/** A local hour as the bytes the added time is written with. */
interface HourBytes {
  hour: Buffer;
  suffix: Buffer;
}

/**
 * Jiko's transactions file with readable columns added, in one streaming pass over its bytes.
 * Each chunk is cut into whole records. A plain row (no quotes, no cell that could start a
 * formula: nearly all of them) is copied as bytes, and the added cells are worked out from four
 * of its cells (pocket, amount, direction, booked time): from their bytes for Jiko's usual amount
 * and UTC time (`quickRow`; reading the four as text took half of the export's own time), as text
 * otherwise. The header and any other record go through `rowWriter` as text. Decoding every row
 * into a string, cutting it into records and encoding it back was about a third of the export's
 * own time. Only the unfinished last record is held between chunks. Jiko's own bytes in plain
 * rows go out as they came (not decoded, so not re-encoded either).
 */
export function transactionCsvExport(
  upstream: ReadableStream<Uint8Array>,
  pocketNames: ReadonlyMap<string, string>,
  filter: RowFilter,
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

  return upstream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        if (held.length > 0) {
          const end = held.endIn(bytes);
          if (end === -1) {
            held.add(bytes);
            if (held.length > MAX_RECORD_BYTES) {
              controller.error(
                new Error(
                  `a record of Jiko's transactions file runs past ${MAX_RECORD_BYTES} bytes`,
                ),
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
      },
      flush(controller) {
        const out = held.length > 0 ? run(held.take(), true) : undefined;
        if (out) controller.enqueue(out);
      },
    }),
  );
}
