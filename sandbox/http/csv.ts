/** RFC 4180 CSV out of the sandbox: quoting, and a byte stream pulled from a row source. */

/** Quote a field holding a comma, quote, CR or LF; double the quotes inside. */
export const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export const csvLine = (fields: readonly string[]) => `${fields.map(csvField).join(",")}\r\n`;

/**
 * The CSV as a byte stream: the header line, then rows pulled from `rows` as the reader asks
 * (a few hundred per chunk), so the file is never held whole.
 */
export function csvStream<T>(
  columns: readonly string[],
  rows: AsyncGenerator<T>,
  toRow: (row: T) => string,
  rowsPerChunk = 500,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(columns)));
        return;
      }
      let chunk = "";
      for (let i = 0; i < rowsPerChunk; i++) {
        const next = await rows.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += toRow(next.value);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}

/**
 * The CSV as a byte stream from UTF-8 already cut into whole lines: the header line, then one
 * chunk of lines per read (pulled only when the reader asks: the file is never held whole).
 */
export function csvBytesStream(
  columns: readonly string[],
  chunks: AsyncGenerator<Uint8Array>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(columns)));
        return;
      }
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export const csvResponse = (body: ReadableStream<Uint8Array>, filename: string) =>
  new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
