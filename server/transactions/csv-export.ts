import "server-only";
import { csvCell, csvFields, neutralizeCsvRecord, recordSplitter } from "@/lib/csv";
import { nyDateTimeWithOffset } from "@/lib/dates";
import type { TransactionQuery } from "@/lib/jiko/transactions";
import { centsToDecimalString, decimalStringToCents } from "@/lib/money";

type RowFilter = Pick<TransactionQuery, "direction" | "amount_from" | "amount_to">;

/** The fields of a record (body: the record without its line break); a split without quotes. */
const fieldsOf = (record: string, body: string) =>
  record.includes('"') ? csvFields(record) : body.split(",");

/** Whether a row (its fields) passes the direction and amount filters; columns from the header. */
function rowPasses(f: RowFilter, fields: string[], at: { direction: number; amount: number }) {
  const cents = decimalStringToCents(fields[at.amount] ?? "0");
  if (f.direction && fields[at.direction] !== f.direction) return false;
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
    return rowPasses(f, csvFields(record), columns);
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

function signedDollars(amount: string | undefined, direction: string | undefined): string {
  if (!amount || !/^-?\d+(\.\d{1,2})?$/.test(amount)) return "";
  const cents = decimalStringToCents(amount);
  return centsToDecimalString(direction === "DEBIT" ? -cents : cents);
}

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
function newYorkTimes() {
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

/**
 * Jiko's transactions file with readable columns added, in one streaming pass over bytes: each
 * chunk is decoded, cut into whole records, filtered (the direction and amount on screen),
 * extended, guarded against formulas (the added cells too: a pocket may be named like a formula)
 * and encoded as one chunk. Only the unfinished last record is held between chunks.
 */
export function transactionCsvExport(
  upstream: ReadableStream<Uint8Array>,
  pocketNames: ReadonlyMap<string, string>,
  filter: RowFilter,
): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const encoder = new TextEncoder();
  const split = recordSplitter();
  const nyTime = newYorkTimes();
  const filtering = hasRowFilter(filter);
  let at: Record<"pocket" | "amount" | "direction" | "booked", number> | undefined;

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
    if (filtering) {
      if (!record.trim()) return "";
      if (!rowPasses(filter, fields, at)) return "";
    }
    if (!body.trim()) return neutralizeCsvRecord(record);
    const name = pocketNames.get(fields[at.pocket] ?? "") ?? "";
    const signed = signedDollars(fields[at.amount], fields[at.direction]);
    const ny = nyTime(fields[at.booked]);
    return neutralizeCsvRecord(`${body},${csvCell(name)},${csvCell(signed)},${csvCell(ny)}${eol}`);
  };

  const emit = (records: string[], controller: TransformStreamDefaultController<Uint8Array>) => {
    let text = "";
    for (const input of records) {
      const bom = !at && input.startsWith("\uFEFF") ? "\uFEFF" : "";
      text += bom + extend(bom ? input.slice(1) : input);
    }
    if (text) controller.enqueue(encoder.encode(text));
  };

  return upstream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) =>
        emit(split.push(decoder.decode(chunk, { stream: true })), controller),
      flush: (controller) => emit([...split.push(decoder.decode()), ...split.end()], controller),
    }),
  );
}
