import { describe, expect, it } from "vitest";
import { csvFormulaGuard, csvRecords, neutralizeCsvRecord, parseCsv } from "./csv";

const IN =
  "id,name,amount,note\r\n" +
  '1,"=HYPERLINK(""http://x"",""Refund"")",-1250.00,"ok, fine"\r\n' +
  '2,@SUM(A1),+5,"-2+3\nsecond ""line"""\r\n' +
  '3,"\tTab",-,"+"\r\n' +
  "4,\"\r=cmd|' /C calc'!A0\",.5,-0.25\r\n" +
  "5,plain,0,\r\n" +
  "6,+1-2,-3e4,=1";

const OUT =
  "id,name,amount,note\r\n" +
  '1,"\'=HYPERLINK(""http://x"",""Refund"")",-1250.00,"ok, fine"\r\n' +
  '2,"\'@SUM(A1)",+5,"\'-2+3\nsecond ""line"""\r\n' +
  '3,"\'\tTab","\'-","\'+"\r\n' +
  "4,\"'\r=cmd|' /C calc'!A0\",.5,-0.25\r\n" +
  "5,plain,0,\r\n" +
  '6,"\'+1-2",-3e4,"\'=1"';

/** Pipes the pieces through the guard and reads the whole output. */
async function guard(pieces: string[], keep?: (record: string) => boolean) {
  const source = new ReadableStream<string>({
    start(c) {
      for (const p of pieces) c.enqueue(p);
      c.close();
    },
  });
  let out = "";
  const reader = source.pipeThrough(csvFormulaGuard(keep)).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) out += r.value;
  return out;
}

describe("the CSV formula guard", () => {
  it("quotes formula cells behind a single quote and leaves numbers and text alone", async () => {
    expect(await guard([IN])).toBe(OUT);
    const rows = parseCsv(OUT);
    expect(rows[1]).toEqual(["1", `'=HYPERLINK("http://x","Refund")`, "-1250.00", "ok, fine"]);
    expect(rows[2]).toEqual(["2", "'@SUM(A1)", "+5", '\'-2+3\nsecond "line"']);
    expect(rows[4]?.[1]).toBe("'\r=cmd|' /C calc'!A0");
    expect(rows.map((r) => r.length)).toEqual([4, 4, 4, 4, 4, 4, 4]);
  });

  it("gives the same file at every chunk boundary, inside quotes and line breaks too", async () => {
    for (let at = 0; at <= IN.length; at++) {
      expect(await guard([IN.slice(0, at), IN.slice(at)])).toBe(OUT);
    }
    for (let a = 0; a <= IN.length; a += 3) {
      for (let b = a; b <= IN.length; b += 5) {
        expect(await guard([IN.slice(0, a), IN.slice(a, b), IN.slice(b)])).toBe(OUT);
      }
    }
    for (const size of [1, 2, 7, 13]) {
      const pieces = Array.from({ length: Math.ceil(IN.length / size) }, (_, i) =>
        IN.slice(i * size, (i + 1) * size),
      );
      expect(await guard(pieces)).toBe(OUT);
    }
  });

  it("passes each record on as soon as it is whole, holding only the unfinished one", async () => {
    const stream = csvFormulaGuard();
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    void writer.write('a,b\r\n=1,"x\n');
    expect((await reader.read()).value).toBe("a,b\r\n");
    void writer.write('y"\r\nnext');
    expect((await reader.read()).value).toBe('"\'=1","x\ny"\r\n');
    void writer.close();
    expect((await reader.read()).value).toBe("next");
    expect((await reader.read()).done).toBe(true);
  });

  it("keeps a byte-order mark and guards the first cell behind it", async () => {
    expect(await guard(["\uFEFF=a,b\r\n", "c,d\r\n"])).toBe('\uFEFF"\'=a",b\r\nc,d\r\n');
  });

  it("lets a row filter drop records before they are guarded", async () => {
    const keep = (record: string) => !record.startsWith("2,");
    const out = await guard([IN.slice(0, 40), IN.slice(40)], keep);
    expect(parseCsv(out).map((r) => r[0])).toEqual(["id", "1", "3", "4", "5", "6"]);
  });

  it("touches no record without a formula cell", () => {
    const record = 'a,"b,=c",2026-01-01T00:00:00-05:00,"-1,250.00"\r\n';
    expect(neutralizeCsvRecord(record)).toBe(record);
  });
});

describe("CSV records", () => {
  it("splits on line breaks outside quotes, whatever the chunking", async () => {
    const out: string[] = [];
    const reader = new ReadableStream<string>({
      start(c) {
        for (const ch of IN) c.enqueue(ch);
        c.close();
      },
    })
      .pipeThrough(csvRecords())
      .getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(r.value);
    expect(out).toHaveLength(7);
    expect(out.join("")).toBe(IN);
    expect(out[2]).toBe('2,@SUM(A1),+5,"-2+3\nsecond ""line"""\r\n');
  });
});
