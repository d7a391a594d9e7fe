/**
 * RFC 4180 records, for reading CSV exports whole (tests) or as they stream (the exports): a
 * record ends at a line break outside quotes, so quoted fields may hold commas, quotes and
 * newlines. And the formula guard every export streams through.
 */

/**
 * Cuts text chunks into whole records (each with its line break), whatever the chunking. Only the
 * unfinished last record is held between chunks. Searches with indexOf, each position once.
 */
export function recordSplitter() {
  let pending = "";
  let scanned = 0;
  let quoted = false;
  return {
    push(chunk: string): string[] {
      pending += chunk;
      const records: string[] = [];
      let start = 0;
      let i = scanned;
      // -2: not searched yet; -1: none before the end of `pending`.
      let quote = -2;
      let newline = -2;
      while (i < pending.length) {
        if (quoted) {
          const close = pending.indexOf('"', i);
          if (close < 0) {
            i = pending.length;
            break;
          }
          quoted = false;
          i = close + 1;
          quote = -2;
          continue;
        }
        if (quote !== -1 && quote < i) quote = pending.indexOf('"', i);
        if (newline !== -1 && newline < i) newline = pending.indexOf("\n", i);
        if (newline >= 0 && (quote < 0 || newline < quote)) {
          records.push(pending.slice(start, newline + 1));
          start = i = newline + 1;
        } else if (quote >= 0) {
          quoted = true;
          i = quote + 1;
        } else i = pending.length;
      }
      pending = pending.slice(start);
      scanned = i - start;
      return records;
    },
    /** The last record, when the text does not end with a line break. */
    end(): string[] {
      const rest = pending;
      pending = "";
      scanned = 0;
      return rest ? [rest] : [];
    },
  };
}

/** Splits text chunks into whole records (each with its line break), whatever the chunking. */
export function csvRecords(): TransformStream<string, string> {
  const split = recordSplitter();
  return new TransformStream<string, string>({
    transform(chunk, controller) {
      for (const record of split.push(chunk)) controller.enqueue(record);
    },
    flush(controller) {
      for (const record of split.end()) controller.enqueue(record);
    },
  });
}

/** The fields of one record (its line break, if any, dropped). */
export function csvFields(record: string): string[] {
  const text = record.replace(/\r?\n$/, "");
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** A whole CSV text as rows of fields. */
export function parseCsv(text: string): string[][] {
  const split = recordSplitter();
  return [...split.push(text), ...split.end()].map(csvFields);
}

/**
 * OWASP's CSV injection guidance: a cell starting with one of these is read by spreadsheets as a
 * formula (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`), or hides one behind a tab or carriage return.
 */
export const FORMULA_START_CHARACTERS = ["=", "+", "-", "@", "\t", "\r"] as const;
const FORMULA_START = new Set<string>(FORMULA_START_CHARACTERS);
/**
 * Amounts such as `-1250.00`, `+5`, `-1,250.00` or `-3e4` are numbers, not formulas: they stay as
 * they are (digits, separators and a sign cannot make a formula).
 */
const PLAIN_NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Cheap first look: a field starts at the record's start or after a comma. */
const MAYBE_FORMULA = /(?:^|,)"?[=+\-@\t\r]/;

/** The cell as it must be written: itself when safe, else quoted behind a single quote. */
function guardField(raw: string): string {
  const first = raw[0] === '"' ? raw[1] : raw[0];
  if (first === undefined || !FORMULA_START.has(first)) return raw;
  // A field without quotes is its own value (most are: amounts such as -1250.00).
  const plain = !raw.includes('"') && !raw.endsWith("\n");
  const value = plain ? raw : (csvFields(raw)[0] ?? "");
  if (PLAIN_NUMBER.test(value)) return raw;
  return `"'${value.replaceAll('"', '""')}"`;
}

/**
 * One record with every formula-like cell neutralized (OWASP: a leading single quote, the field
 * quoted and its quotes doubled). Safe fields and the line break keep their exact text.
 */
export function neutralizeCsvRecord(record: string): string {
  const eol = record.endsWith("\r\n") ? 2 : record.endsWith("\n") ? 1 : 0;
  const body = record.slice(0, record.length - eol);
  if (!MAYBE_FORMULA.test(body)) return record;
  if (!body.includes('"')) {
    // No quotes: every comma ends a field, and a record whose cells are all safe is kept as is.
    const fields = body.split(",");
    let changed = false;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i] as string;
      const guarded = guardField(field);
      if (guarded !== field) {
        fields[i] = guarded;
        changed = true;
      }
    }
    return changed ? fields.join(",") + record.slice(record.length - eol) : record;
  }
  let out = "";
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= body.length; i++) {
    const c = body[i];
    if (c === '"') quoted = !quoted;
    else if (i === body.length || (c === "," && !quoted)) {
      out += guardField(body.slice(start, i)) + (i < body.length ? "," : "");
      start = i + 1;
    }
  }
  return out + record.slice(record.length - eol);
}

/**
 * The formula guard every CSV download streams through: text chunks cut anywhere in, whole
 * records out (one chunk per chunk read), formula-like cells neutralized; nothing but the
 * unfinished record is ever held. `keep`, if given, sees each record first (the header too, with
 * any byte-order mark removed) and drops those it refuses: the transactions export's row filter.
 */
export function csvFormulaGuard(
  keep?: (record: string) => boolean,
): TransformStream<string, string> {
  const split = recordSplitter();
  let first = true;
  const emit = (records: string[], controller: TransformStreamDefaultController<string>) => {
    let text = "";
    for (let record of records) {
      let bom = "";
      if (first) {
        first = false;
        if (record.startsWith("\uFEFF")) {
          bom = "\uFEFF";
          record = record.slice(1);
        }
      }
      text += bom;
      if (!keep || keep(record)) text += neutralizeCsvRecord(record);
    }
    if (text) controller.enqueue(text);
  };
  return new TransformStream<string, string>({
    transform: (chunk, controller) => emit(split.push(chunk), controller),
    flush: (controller) => emit(split.end(), controller),
  });
}

/** One RFC 4180 field: quoted (quotes doubled) when it holds a comma, quote or line break. */
export const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
