import { describe, expect, it } from "vitest";
import { csvCell, csvFields, neutralizeCsvRecord, parseCsv, recordSplitter } from "@/lib/csv";
import { nyDateTimeWithOffset } from "@/lib/dates";
import { centsToDecimalString, decimalStringToCents } from "@/lib/money";
import { guardedCsv } from "../downloads/files";
import { MAX_RECORD_BYTES } from "./csv-bytes";
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
      expect(await readAll(transactionCsvExport(pieces, names, {}, 1)), `cut at ${at}`).toBe(
        `${HEADER}${A}${B}\r\n${C}`,
      );
    }
    for (const size of [1, 3, 64]) {
      const out = await readAll(transactionCsvExport(chunked(JIKO, size), names, {}, 1));
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

/**
 * A file like Jiko's, mostly plain rows (which the export copies as bytes) with every kind of
 * record that must go the text way mixed in: quoted cells with commas, quotes and line breaks,
 * cells that start like formulas, signed and odd amounts, times in other shapes, blank lines,
 * CRLF and LF, non-ASCII text. Deterministic (a small LCG).
 */
function jikoLikeFile(rows: number) {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const titles = [
    "Stripe payout",
    "Card Purchase",
    "Café Réunion 🚀",
    '"Rent, March"',
    '"Refund ""urgent"""',
    '"two\nlines"',
    "=HYPERLINK(1)",
    "-minus",
    "@sum",
    "",
  ];
  const amounts = [
    "419.96",
    "419.96",
    "0.05",
    "0.00",
    "1250.5",
    "-3.00",
    "12",
    "007.50",
    "x",
    "99999999999999999.00",
    "1234567890123.45",
    "12345678901234.56",
    "00.10",
    "5.5.00",
  ];
  const eols = ["\r\n", "\n", "\n"];
  let text = "\uFEFFid,transaction_id,time_booked,status,direction,amount,pocket_id,title\r\n";
  for (let i = 0; i < rows; i++) {
    if (random() < 0.03) {
      text += pick(["", "   ", " \t", "\f"]) + pick(eols);
      continue;
    }
    const instant = Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * 86_400_000);
    const iso = new Date(instant).toISOString();
    const time = pick([
      iso,
      iso,
      iso,
      iso.replace(".", ".9"),
      iso.replace(/\.\d+/, ".1"),
      iso.replace(/\.\d+/, ".123456789"),
      iso.replace(/\.\d+/, ".1234567890"),
      iso.replace(/\.\d+/, "."),
      `${iso.slice(0, 19)}Z`,
      `${iso.slice(0, 19)}+00:00`,
      `${iso.slice(0, 11)}23:59:59.999Z`,
      `${iso.slice(0, 11)}24:00:00Z`,
      `${iso.slice(0, 14)}60:00Z`,
      `${iso.slice(0, 5)}13${iso.slice(7)}`,
      iso.replace("Z", "z"),
      iso.replace("T", " "),
      "",
    ]);
    const cells = [
      `t${i}`,
      `x${i}`,
      time,
      "SETTLED",
      pick(["DEBIT", "DEBIT", "CREDIT", "debit", "DEBITS"]),
      pick(amounts),
      pick(["p1", "p1", "p10", "p2", "p3", "unknown"]),
      pick(titles),
    ];
    text += cells.join(",") + pick(eols);
  }
  return text.replace(/\n$/, "").replace(/\r$/, "");
}

/**
 * The export as the single text pass wrote it before it read plain rows as bytes: each record
 * cut out, extended, and guarded as one line.
 */
function textPassExport(
  file: string,
  names: ReadonlyMap<string, string>,
  keep: (direction: string | undefined, amount: string | undefined) => boolean = () => true,
) {
  const split = recordSplitter();
  const records = [...split.push(file), ...split.end()];
  const header = records.shift() as string;
  const eolOf = (r: string) => (r.endsWith("\r\n") ? "\r\n" : r.endsWith("\n") ? "\n" : "");
  const columns = csvFields(header.slice(1));
  const at = (name: string) => columns.indexOf(name);
  let out = `\uFEFF${neutralizeCsvRecord(`${header.slice(1, header.length - eolOf(header).length)},pocket_name,signed_amount_usd,time_booked_new_york${eolOf(header)}`)}`;
  for (const record of records) {
    const eol = eolOf(record);
    const body = record.slice(0, record.length - eol.length);
    const fields = csvFields(record);
    const [direction, amount] = [fields[at("direction")], fields[at("amount")]];
    if (!body.trim()) {
      if (!keep(undefined, undefined)) continue;
      out += neutralizeCsvRecord(record);
      continue;
    }
    if (!keep(direction, amount)) continue;
    const readable =
      amount && /^-?\d+(\.\d{1,2})?$/.test(amount) ? decimalStringToCents(amount) : null;
    const cents = readable !== null && Number.isSafeInteger(readable) ? readable : null;
    const signed =
      cents === null ? "" : centsToDecimalString(direction === "DEBIT" ? -cents : cents);
    const time = fields[at("time_booked")];
    const ny = time && !Number.isNaN(Date.parse(time)) ? nyDateTimeWithOffset(time) : "";
    const name = names.get(fields[at("pocket_id")] ?? "") ?? "";
    out += neutralizeCsvRecord(`${body},${csvCell(name)},${csvCell(signed)},${csvCell(ny)}${eol}`);
  }
  return out;
}

describe("the export's byte path", () => {
  const names = new Map([
    ["p1", "Operating"],
    ["p2", '=cmd("calc")'],
    ["p3", 'Payroll, "main" — Café'],
    ["p10", "Reserve"],
  ]);
  const file = jikoLikeFile(600);

  it("writes exactly what the text pass wrote, whatever the chunking", async () => {
    const expected = textPassExport(file, names);
    expect(expected.split("\n").length).toBeGreaterThan(600);
    for (const size of [1, 5, 64, 1_000, 100_000]) {
      const out = await readAll(transactionCsvExport(chunked(file, size), names, {}, 1));
      expect(out, `chunks of ${size} bytes`).toBe(expected);
    }
  });

  it("writes the same, whatever the chunking, when it gathers chunks into passes", async () => {
    const big = jikoLikeFile(32_000);
    const expected = textPassExport(big, names);
    expect(new TextEncoder().encode(big).length).toBeGreaterThan(2 * 2 ** 20);
    // Passes of 1 MiB (the export's own), and of 100,000 bytes: records cut at pass ends.
    for (const [size, gather] of [
      [65_536, undefined],
      [1_000, 100_000],
      [97, 100_000],
    ] as const) {
      const out = await readAll(transactionCsvExport(chunked(big, size), names, {}, gather));
      expect(out, `chunks of ${size} bytes, passes of ${gather ?? "1 MiB"}`).toBe(expected);
    }
  });

  it("carries a record longer than many chunks whole, as the text pass did", async () => {
    const long = `"${'Wire memo, "urgent"\n'.replaceAll('"', '""').repeat(12_000)}"`;
    const lines = file.split("\n");
    const withLong = [
      ...lines.slice(0, 40),
      `t-long,x,2026-03-08T07:30:00Z,SETTLED,DEBIT,10.00,p1,${long}`,
      ...lines.slice(40),
    ].join("\n");
    expect(long.length).toBeGreaterThan(250_000);
    const expected = textPassExport(withLong, names);
    for (const [size, gather] of [
      [1_000, 1],
      [65_536, 1],
      [65_536, undefined],
    ] as const) {
      const out = await readAll(transactionCsvExport(chunked(withLong, size), names, {}, gather));
      expect(out, `chunks of ${size} bytes`).toBe(expected);
    }
  });

  it("stops, rather than holding the rest of the file, when a quote is left open", async () => {
    const open = `${file}\nt-open,x,2026-03-08T07:30:00Z,SETTLED,DEBIT,10.00,p1,"never closed\n${"a,b\n".repeat(MAX_RECORD_BYTES / 2)}`;
    for (const gather of [1, undefined]) {
      await expect(
        readAll(transactionCsvExport(chunked(open, 65_536), names, {}, gather)),
      ).rejects.toThrow(/runs past/);
    }
  });

  it("filters the direction and amount on screen as the text pass did", async () => {
    const keep = (direction: string | undefined, amount: string | undefined) =>
      direction === "DEBIT" &&
      amount !== undefined &&
      /^-?\d+(\.\d{1,2})?$/.test(amount) &&
      decimalStringToCents(amount) >= 1_000;
    const expected = textPassExport(file, names, keep);
    for (const size of [3, 4_096]) {
      const out = await readAll(
        transactionCsvExport(
          chunked(file, size),
          names,
          { direction: "DEBIT", amount_from: 1_000 },
          1,
        ),
      );
      expect(out, `chunks of ${size} bytes`).toBe(expected);
    }
  });
});
