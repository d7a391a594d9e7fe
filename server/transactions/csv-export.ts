import "server-only";
import { csvFields, csvRecords } from "@/lib/csv";
import type { TransactionQuery } from "@/lib/jiko/transactions";
import { decimalStringToCents } from "@/lib/money";

type RowFilter = Pick<TransactionQuery, "direction" | "amount_from" | "amount_to">;

/**
 * Jiko's transactions.csv documents only the pocket, type and time filters: the direction and
 * amount filters on screen are applied here as well, row by row while the file streams through
 * (a no-op when Jiko applied them already). The header names the columns, so their order is
 * read from it rather than assumed.
 */
export function filterTransactionCsv(
  body: ReadableStream<Uint8Array>,
  f: RowFilter,
): ReadableStream<Uint8Array> {
  if (!f.direction && f.amount_from === undefined && f.amount_to === undefined) return body;
  let columns: { direction: number; amount: number } | undefined;
  const keep = new TransformStream<string, string>({
    transform(record, controller) {
      if (!columns) {
        const names = csvFields(record);
        columns = { direction: names.indexOf("direction"), amount: names.indexOf("amount") };
        controller.enqueue(record);
        return;
      }
      if (!record.trim()) return;
      const fields = csvFields(record);
      const direction = fields[columns.direction];
      const cents = decimalStringToCents(fields[columns.amount] ?? "0");
      if (f.direction && direction !== f.direction) return;
      if (f.amount_from !== undefined && cents < f.amount_from) return;
      if (f.amount_to !== undefined && cents > f.amount_to) return;
      controller.enqueue(record);
    },
  });
  return (
    body
      // The DOM typings of TextDecoderStream take any BufferSource; bytes are what arrives.
      .pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>)
      .pipeThrough(csvRecords())
      .pipeThrough(keep)
      .pipeThrough(new TextEncoderStream())
  );
}
