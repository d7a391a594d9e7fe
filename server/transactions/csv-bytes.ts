import "server-only";
import { FORMULA_START_CHARACTERS } from "@/lib/csv";

/**
 * The byte-level parts of the transactions export (server/transactions/csv-export.ts): the
 * output chunk it writes into, the record it carries from one chunk to the next, and the checks
 * it makes on a row's cells without decoding them.
 */

export const LF = 0x0a;
export const CR = 0x0d;
export const QUOTE = 0x22;
export const COMMA = 0x2c;
/** The bytes a formula cell starts with (lib/csv.ts). */
export const FORMULA_BYTE = new Uint8Array(256);
for (const c of FORMULA_START_CHARACTERS) FORMULA_BYTE[c.charCodeAt(0)] = 1;

/** An output chunk written in place: bytes copied, text encoded straight into it. */
export class ChunkWriter {
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
export function quotedRecordEnd(bytes: Buffer, start: number, quotes = 0): number {
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
export class HeldRecord {
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
export function cellAt(
  bytes: Buffer,
  start: number,
  end: number,
  commas: number[],
  column: number,
) {
  if (column < 0 || column > commas.length) return undefined;
  const from = column === 0 ? start : commas[column - 1]! + 1;
  return bytes.toString("utf8", from, column < commas.length ? commas[column]! : end);
}

const DOT = 0x2e;
export const MINUS = 0x2d;
const COLON = 0x3a;
const ZERO = 0x30;
const LETTER_T = 0x54;
const LETTER_Z = 0x5a;
const isDigit = (b: number | undefined) => b !== undefined && b >= ZERO && b <= ZERO + 9;
export const DEBIT = Buffer.from("DEBIT");

/**
 * Whether bytes[from, to) is Jiko's usual amount, as PLAIN_POSITIVE_AMOUNT (csv-export.ts) reads
 * text.
 */
export function isPlainPositiveAmount(bytes: Buffer, from: number, to: number): boolean {
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
 * The UTC hour of bytes[from, to) as a number (YYYYMMDDHH) when they are a time as UTC_TIME
 * (new-york-time.ts) reads text, else -1.
 */
export function utcHourKey(bytes: Buffer, from: number, to: number): number {
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
export interface HourBytes {
  hour: Buffer;
  suffix: Buffer;
}
