import { describe, expect, it } from "vitest";
import { guardedCsv } from "../downloads/files";
import { transactionRowFilter } from "./csv-export";

const CSV =
  "id,direction,amount,title\r\n" +
  'a,DEBIT,10.00,"Rent, March"\r\n' +
  'b,CREDIT,2500.00,"Refund ""urgent""\nsecond line"\r\n' +
  "c,DEBIT,2500.01,Equipment\r\n";

/** The CSV as a stream cut into awkward pieces (mid-field, mid-quote, mid-line). */
function chunked(text: string, size: number) {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < bytes.length; i += size) c.enqueue(bytes.slice(i, i + size));
      c.close();
    },
  });
}
const read = (s: ReadableStream<Uint8Array>) => new Response(s).text();
type Filter = Parameters<typeof transactionRowFilter>[0];
const filterTransactionCsv = (body: ReadableStream<Uint8Array>, f: Filter) =>
  guardedCsv(body, transactionRowFilter(f));

describe("filtering Jiko's CSV as it streams", () => {
  it("keeps the header and only the rows of the direction and amount range", async () => {
    for (const size of [1, 7, 64]) {
      const out = await read(
        filterTransactionCsv(chunked(CSV, size), { direction: "DEBIT", amount_to: 250_000 }),
      );
      expect(out).toBe('id,direction,amount,title\r\na,DEBIT,10.00,"Rent, March"\r\n');
    }
  });

  it("keeps quoted newlines inside their row", async () => {
    const out = await read(
      filterTransactionCsv(chunked(CSV, 5), { amount_from: 250_000, amount_to: 250_000 }),
    );
    expect(out).toBe(
      'id,direction,amount,title\r\nb,CREDIT,2500.00,"Refund ""urgent""\nsecond line"\r\n',
    );
  });

  it("keeps every row when there is nothing to filter", async () => {
    expect(transactionRowFilter({})).toBeUndefined();
    expect(await read(filterTransactionCsv(chunked(CSV, 9), {}))).toBe(CSV);
  });

  it("filters on the amount Jiko sent, then neutralizes formula cells of the rows kept", async () => {
    const csv = `${CSV}d,DEBIT,-1250.00,"=HYPERLINK(""http://x"")"\r\n`;
    const out = await read(
      filterTransactionCsv(chunked(csv, 3), { direction: "DEBIT", amount_to: 0 }),
    );
    expect(out).toBe(
      'id,direction,amount,title\r\nd,DEBIT,-1250.00,"\'=HYPERLINK(""http://x"")"\r\n',
    );
  });
});
