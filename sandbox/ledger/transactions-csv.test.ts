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
import { transactionCsvChunks } from "./transactions-csv";

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

/** Every transaction of the list in `order`, page by page, as the list serves them. */
async function listed(order: "asc" | "desc"): Promise<Transaction[]> {
  const out: Transaction[] = [];
  let cursor = "";
  do {
    const res = await fetch(
      `${sb.apiUrl}/api/v2/transactions/?order=${order}&limit=100&cursor=${cursor}`,
      { headers: { authorization: `Bearer ${avery}` } },
    );
    const page = TransactionList.parse(await res.json());
    out.push(...page.items);
    cursor = page.next_page ?? "";
  } while (cursor);
  return out;
}

const lineOf = (t: Transaction) =>
  csvLine(TRANSACTION_CSV_COLUMNS.map((c) => transactionCsvCells(t)[c]));

async function csvText(order: "asc" | "desc", batch: number, rowsPerChunk: number) {
  const chunks: string[] = [];
  const gen = transactionCsvChunks(sb.db, { customerId }, order, await sb.clock.now(), {
    batch,
    rowsPerChunk,
  });
  for await (const chunk of gen) chunks.push(chunk);
  return chunks;
}

describe("transactions.csv lines", () => {
  it("are the list's transactions row for row, in either order, whatever the batch size", async () => {
    for (const order of ["desc", "asc"] as const) {
      const expected = (await listed(order)).map(lineOf).join("");
      expect(expected.length).toBeGreaterThan(1_000);
      for (const batch of [order === "desc" ? 2 : 3, 5_000]) {
        const chunks = await csvText(order, batch, 3);
        expect(chunks.join(""), `${order} in batches of ${batch}`).toBe(expected);
        // Chunks hold whole lines, three at a time (the last one fewer).
        expect(chunks.slice(0, -1).every((c) => c.split("\r\n").length === 4)).toBe(true);
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
    expect((await csvText("desc", 50, 100)).join("")).toBe(expected);
  });
});
