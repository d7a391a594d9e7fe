/**
 * RFC 4180 records, for reading CSV exports whole (tests) or as they stream (the transactions
 * export): a record ends at a line break outside quotes, so quoted fields may hold commas, quotes
 * and newlines.
 */

/** Where the complete records of `text` end: after each line break outside quotes. */
function recordEnds(text: string, from: number, quoted: boolean) {
  const ends: number[] = [];
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === "\n" && !quoted) ends.push(i + 1);
  }
  return { ends, quoted };
}

/** Splits text chunks into whole records (each with its line break), whatever the chunking. */
export function csvRecords(): TransformStream<string, string> {
  let pending = "";
  let quoted = false;
  let scanned = 0;
  return new TransformStream<string, string>({
    transform(chunk, controller) {
      pending += chunk;
      const found = recordEnds(pending, scanned, quoted);
      let start = 0;
      for (const end of found.ends) {
        controller.enqueue(pending.slice(start, end));
        start = end;
      }
      quoted = found.quoted;
      pending = pending.slice(start);
      scanned = pending.length;
    },
    flush(controller) {
      if (pending) controller.enqueue(pending);
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
  const { ends } = recordEnds(text, 0, false);
  const rows: string[][] = [];
  let start = 0;
  for (const end of ends) {
    rows.push(csvFields(text.slice(start, end)));
    start = end;
  }
  if (start < text.length) rows.push(csvFields(text.slice(start)));
  return rows;
}
