import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv";
import { nyDateTimeWithOffset } from "@/lib/dates";
import { guardedCsv } from "../downloads/files";
import { transactionCsvExport, transactionRowFilter } from "./csv-export";

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

/** The whole stream as text, a byte-order mark kept (Response.text() drops it). */
const readAll = async (s: ReadableStream<Uint8Array>) =>
  new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(s).arrayBuffer());

describe("the transactions export, in one pass over the bytes", () => {
  const JIKO =
    "\uFEFFid,pocket_id,amount,direction,time_booked,title\r\n" +
    'a,p1,10.00,DEBIT,2026-03-08T06:59:59.900Z,"Café, ""Réunion"""\r\n' +
    'b,p2,2500.5,CREDIT,2026-03-08T07:00:00Z,"two\nlines 🚀"\r\n' +
    "\r\n" +
    "c,p1,-1250.00,DEBIT,2026-11-01T05:30:00Z,=1+2";
  const names = new Map([
    ["p1", '=HYPERLINK("x")'],
    ["p2", 'Ops, "main"'],
  ]);
  const HEADER =
    "\uFEFFid,pocket_id,amount,direction,time_booked,title,pocket_name,signed_amount_usd,time_booked_new_york\r\n";
  const A =
    'a,p1,10.00,DEBIT,2026-03-08T06:59:59.900Z,"Café, ""Réunion""","\'=HYPERLINK(""x"")",-10.00,2026-03-08T01:59:59-05:00\r\n';
  const B =
    'b,p2,2500.5,CREDIT,2026-03-08T07:00:00Z,"two\nlines 🚀","Ops, ""main""",2500.50,2026-03-08T03:00:00-04:00\r\n';
  const C =
    'c,p1,-1250.00,DEBIT,2026-11-01T05:30:00Z,"\'=1+2","\'=HYPERLINK(""x"")",1250.00,2026-11-01T01:30:00-04:00';

  it("adds the readable columns and guards every cell, cut at any byte", async () => {
    const bytes = new TextEncoder().encode(JIKO).length;
    for (let at = 0; at <= bytes; at++) {
      const pieces = new ReadableStream<Uint8Array>({
        start(c) {
          const all = new TextEncoder().encode(JIKO);
          c.enqueue(all.slice(0, at));
          c.enqueue(all.slice(at));
          c.close();
        },
      });
      expect(await readAll(transactionCsvExport(pieces, names, {})), `cut at ${at}`).toBe(
        `${HEADER}${A}${B}\r\n${C}`,
      );
    }
    for (const size of [1, 3, 64]) {
      const out = await readAll(transactionCsvExport(chunked(JIKO, size), names, {}));
      expect(out).toBe(`${HEADER}${A}${B}\r\n${C}`);
    }
  });

  it("keeps only the rows of the direction and amount range (no blank lines)", async () => {
    const debits = await readAll(
      transactionCsvExport(chunked(JIKO, 5), names, { direction: "DEBIT" }),
    );
    expect(debits).toBe(`${HEADER}${A}${C}`);
    const big = await readAll(
      transactionCsvExport(chunked(JIKO, 7), names, { amount_from: 1_000 }),
    );
    expect(big).toBe(`${HEADER}${A}${B}`);
  });

  it("writes New York time with its offset for any instant, on ordinary days and across both DST changes", async () => {
    const times: string[] = [];
    for (const day of ["2026-01-15", "2026-03-08", "2026-07-04", "2026-11-01"]) {
      const start = Date.parse(`${day}T04:00:00Z`);
      for (let t = start; t < start + 5 * 3_600_000; t += 7 * 60_000 + 333) {
        times.push(new Date(t).toISOString());
      }
    }
    const csv = `id,time_booked\n${times.map((t, i) => `${i},${t}\n`).join("")}`;
    const rows = parseCsv(await readAll(transactionCsvExport(chunked(csv, 100), new Map(), {})));
    expect(rows.slice(1).map((r) => r[4])).toEqual(times.map((t) => nyDateTimeWithOffset(t)));
  });
});
