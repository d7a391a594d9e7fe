import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  TRANSACTION_CSV_COLUMNS,
  type Transaction,
  TransactionList,
  transactionCsvCells,
} from "../../lib/jiko/transactions";
import { pocketFlows, pockets } from "../db/schema";
import { csvLine } from "../http/csv";
import { SEED_POCKETS } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import { passwordTokens, registerTestClient } from "../testing/oauth-client";
import { type CsvWriters, transactionCsvChunks } from "./transactions-csv";

const NOW = new Date("2026-11-30T17:00:00Z");
let sb: Sandbox;
let avery: string;
let customerId: string;
beforeAll(async () => {
  sb = await startSandbox({ apiPort: 0, portalPort: 0, now: () => NOW });
  const client = await registerTestClient(sb.portalUrl);
  avery = (
    await passwordTokens({
      portalUrl: sb.portalUrl,
      client,
      email: "avery.chen@harborline.example",
    })
  ).access_token;
  const [p] = await sb.db
    .select({ customerId: pockets.customerId })
    .from(pockets)
    .where(eq(pockets.id, SEED_POCKETS.operating));
  customerId = p!.customerId;
}, 60_000);
afterAll(() => sb?.close());

/** Every transaction of the list in `order` (and `where`), page by page, as the list serves them. */
async function listed(order: "asc" | "desc", where?: Where): Promise<Transaction[]> {
  const out: Transaction[] = [];
  const q = where
    ? `&pocket[]=${where.pocket}&time_booked_from=${where.from}&time_booked_to=${where.to}`
    : "";
  let cursor = "";
  do {
    const res = await fetch(
      `${sb.apiUrl}/api/v2/transactions/?order=${order}&limit=100&cursor=${cursor}${q}`,
      { headers: { authorization: `Bearer ${avery}` } },
    );
    if (!res.ok) throw new Error(`the list answered ${res.status}: ${await res.text()}`);
    const page = TransactionList.parse(await res.json());
    out.push(...page.items);
    cursor = page.next_page ?? "";
  } while (cursor);
  return out;
}

const lineOf = (t: Transaction) =>
  csvLine(TRANSACTION_CSV_COLUMNS.map((c) => transactionCsvCells(t)[c]));

/** A pocket's rows booked in a range. */
interface Where {
  pocket: string;
  from: string;
  to: string;
}

/** The export's chunks as text, and how many batches each path wrote. */
async function exported(order: "asc" | "desc", batch: number, where?: Where) {
  const chunks: string[] = [];
  const writers: CsvWriters = { postgres: 0, js: 0 };
  const filter = where
    ? { "pocket[]": [where.pocket], time_booked_from: where.from, time_booked_to: where.to }
    : {};
  const gen = transactionCsvChunks(sb.db, { customerId, ...filter }, order, await sb.clock.now(), {
    batch,
    writers,
  });
  for await (const chunk of gen) chunks.push(Buffer.from(chunk).toString("utf8"));
  return { chunks, writers };
}

const csvText = async (order: "asc" | "desc", batch: number) =>
  (await exported(order, batch)).chunks;

/** A flow of the strategic pocket, as a test inserts it. */
const flow = (
  bookedAt: string,
  rail: string,
  details: Record<string, unknown>,
  o: { kind?: string; amount?: number; description?: string } = {},
) => ({
  pocketId: SEED_POCKETS.strategic,
  date: bookedAt.slice(0, 10),
  kind: o.kind ?? "DEPOSIT",
  amount: o.amount ?? 123_456,
  description: o.description ?? `${rail} flow`,
  bookedAt: new Date(bookedAt),
  rail,
  details,
});

describe("transactions.csv lines", () => {
  it("are the list's transactions row for row, in either order, whatever the batch size", async () => {
    for (const order of ["desc", "asc"] as const) {
      const expected = (await listed(order)).map(lineOf).join("");
      expect(expected.length).toBeGreaterThan(1_000);
      for (const batch of [order === "desc" ? 2 : 3, 5_000]) {
        const { chunks, writers } = await exported(order, batch);
        expect(chunks.join(""), `${order} in batches of ${batch}`).toBe(expected);
        // The seed's rows are all ones Postgres writes itself.
        expect(writers.js).toBe(0);
        // Chunks hold whole lines, a batch at a time (the last one fewer).
        const lines = chunks.map((c) => c.split("\r\n").length - 1);
        expect(lines.slice(0, -1).every((n) => n === batch)).toBe(true);
        expect(chunks.every((c) => c.endsWith("\r\n"))).toBe(true);
      }
    }
  });

  it("are the list's for rows with unusual details: quotes, commas, missing or overriding fields", async () => {
    const base = {
      pocketId: SEED_POCKETS.operating,
      date: "2026-11-27",
      kind: "DEPOSIT",
      amount: 123_456,
      bookedAt: new Date("2026-11-27T15:30:00.250Z"),
    };
    await sb.db.insert(pocketFlows).values([
      {
        ...base,
        description: 'Refund "partial", March',
        rail: "CARD",
        details: { merchant_name: 'Shop, "Inc"\nDowntown', card_last4: "4242" },
      },
      { ...base, description: "Wire in", rail: "WIRE", details: {} },
      {
        ...base,
        kind: "WITHDRAWAL",
        description: "ACH out",
        rail: "ACH",
        details: { company_name: "Acme", ach_direction: "ORIGINATION", title: "From details" },
      },
    ]);
    const expected = (await listed("desc")).map(lineOf).join("");
    expect(expected).toContain('"Shop, ""Inc""\nDowntown"');
    expect(expected).toContain("From details");
    expect((await csvText("desc", 50)).join("")).toBe(expected);
  });
});

describe("transactions.csv lines written by Postgres", () => {
  // The strategic pocket's rows over three months, the ones inserted here among them.
  const where = {
    pocket: SEED_POCKETS.strategic,
    from: "2026-09-01T00:00:00Z",
    to: "2026-11-30T23:59:59Z",
  };

  it("quote, format and settle every rail as the list does", async () => {
    const rows = [
      flow(
        "2026-11-27T03:10:00.250Z",
        "CARD",
        {
          merchant_name: 'Shop, "Inc"\nDowntown',
          card_last4: "4242",
        },
        { description: 'Refund "partial", March' },
      ),
      flow(
        "2026-11-27T03:11:00.000Z",
        "WIRE",
        { counterparty_name: "Line\r\nbreak" },
        {
          kind: "WITHDRAWAL",
          amount: 5,
          description: "Wire, out",
        },
      ),
      flow("2026-11-27T03:12:00.999Z", "WIRE", { counterparty_name: null }, { amount: 100 }),
      flow("2026-11-27T03:13:00.001Z", "ON_US", {}, { amount: 123_456_789_012 }),
      flow("2026-11-27T03:14:00.000Z", "FEE", { fee_type: "AUM_FEE" }, { kind: "WITHDRAWAL" }),
      flow("2026-11-27T03:15:00.000Z", "CREDIT", { reason: "goodwill" }, { description: '"' }),
      flow("2026-11-27T03:16:00.000Z", "GENERIC", {}, { description: "carriage\rreturn" }),
      flow("2026-11-27T03:17:00.000Z", "CARD", { merchant_name: "Café Zoë" }, { amount: 0 }),
      // Books the day before now; settles after it (BOOKED, no settlement time).
      flow("2026-11-30T03:18:00.000Z", "ACH", {
        company_name: "Acme, Ltd",
        ach_direction: "RECEIVING",
      }),
    ];
    // An ACH flow every day of three months: weekends, Labor Day, Columbus Day, Veterans Day and
    // Thanksgiving each move a settlement.
    for (let day = Date.parse("2026-09-01T03:20:00.500Z"); day < Date.parse("2026-11-30"); ) {
      rows.push(
        flow(
          new Date(day).toISOString(),
          "ACH",
          {
            company_name: "Payroll Co",
            ach_direction: "ORIGINATION",
          },
          { kind: "WITHDRAWAL" },
        ),
      );
      day += 86_400_000;
    }
    await sb.db.insert(pocketFlows).values(rows);
    for (const order of ["desc", "asc"] as const) {
      const list = await listed(order, where);
      const expected = list.map(lineOf).join("");
      expect(expected).toContain('"Shop, ""Inc""\nDowntown"');
      expect(expected).toContain(',"Line\r\nbreak"\r\n');
      expect(expected).toContain(",0.05,USD,");
      expect(expected).toContain(",1234567890.12,USD,");
      expect(expected).toContain("2026-11-25T03:20:00.500Z,2026-11-27T03:20:00.500Z,SETTLED");
      expect(expected).toContain("2026-11-30T03:18:00.000Z,,BOOKED");
      for (const batch of [7, 5_000]) {
        const { chunks, writers } = await exported(order, batch, where);
        expect(chunks.join(""), `${order} in batches of ${batch}`).toBe(expected);
        expect(writers).toEqual({ postgres: Math.ceil((list.length + 1) / batch), js: 0 });
      }
    }
  });

  it("leave a batch to JS when a row in it is one Postgres cannot vouch for", async () => {
    // A field named like one of the list's own, and an ACH day outside the settlement window.
    await sb.db.insert(pocketFlows).values([
      flow("2026-08-31T03:30:00.000Z", "CARD", { merchant_name: "Kiosk", title: "Renamed" }),
      flow("2019-03-15T03:30:00.000Z", "ACH", {
        company_name: "Old Co",
        ach_direction: "RECEIVING",
      }),
    ]);
    const wide = { ...where, from: "2019-03-15T00:00:00Z" };
    for (const order of ["desc", "asc"] as const) {
      const expected = (await listed(order, wide)).map(lineOf).join("");
      expect(expected).toContain("2019-03-15T03:30:00.000Z,2019-03-18T03:30:00.000Z,SETTLED");
      const { chunks, writers } = await exported(order, 10, wide);
      expect(chunks.join("")).toBe(expected);
      expect(writers.js).toBeGreaterThan(0);
      expect(writers.postgres).toBeGreaterThan(writers.js);
    }
  });
});
