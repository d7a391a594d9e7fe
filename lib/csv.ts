/**
 * RFC 4180 records out of a text stream, for reading Jiko's CSV exports as they arrive: a record
 * ends at a line break outside quotes, so quoted fields may hold commas, quotes and newlines.
 */

/** Splits text chunks into whole records (each with its line break), whatever the chunking. */
export function csvRecords(): TransformStream<string, string> {
  let pending = "";
  let quoted = false;
  let scanned = 0;
  return new TransformStream<string, string>({
    transform(chunk, controller) {
      pending += chunk;
      let start = 0;
      for (let i = scanned; i < pending.length; i++) {
        const c = pending[i];
        if (c === '"') quoted = !quoted;
        else if (c === "\n" && !quoted) {
          controller.enqueue(pending.slice(start, i + 1));
          start = i + 1;
        }
      }
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
