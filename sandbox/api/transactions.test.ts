import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorBody } from "../../lib/jiko/common";
import {
  signedCents,
  TRANSACTION_CSV_COLUMNS,
  TRANSACTION_TYPES,
  type Transaction,
  TransactionList,
  transactionCsvCells,
} from "../../lib/jiko/transactions";
import { csvLine } from "../http/csv";
import { SEED_POCKETS } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import { parseCsv } from "../testing/csv";
import { passwordTokens, registerTestClient } from "../testing/oauth-client";

/** A Monday noon in New York: the seed's history runs through 2026-11-30. */
const NOW = new Date("2026-11-30T17:00:00Z");
let sb: Sandbox;
let avery: string;
let lena: string;
beforeAll(async () => {
  sb = await startSandbox({ apiPort: 0, portalPort: 0, now: () => NOW });
  const client = await registerTestClient(sb.portalUrl);
  const token = (email: string) =>
    passwordTokens({ portalUrl: sb.portalUrl, client, email }).then((t) => t.access_token);
  avery = await token("avery.chen@harborline.example");
  lena = await token("lena.devries@harborline.example");
}, 60_000);
afterAll(() => sb?.close());

async function list(token: string, query: string) {
  const res = await fetch(`${sb.apiUrl}/api/v2/transactions/?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: (await res.json()) as unknown };
}
async function page(token: string, query: string) {
  const r = await list(token, query);
  expect(r.status).toBe(200);
  return TransactionList.parse(r.body);
}
async function all(token: string, query: string) {
  const out: Transaction[] = [];
  let cursor = "";
  do {
    const p = await page(token, `${query}&limit=100&cursor=${cursor}`);
    out.push(...p.items);
    cursor = p.next_page ?? "";
  } while (cursor);
  return out;
}

describe("transactions v2", () => {
  it("lists newest first, 30 by default, only the team's customer's pockets", async () => {
    const p = await page(avery, "");
    expect(p.items).toHaveLength(30);
    expect(p.prev_page).toBeNull();
    expect(p.next_page).not.toBeNull();
    const times = p.items.map((t) => t.time_booked);
    expect([...times].sort().reverse()).toEqual(times);
    const eu = [SEED_POCKETS.euOperating, SEED_POCKETS.euBuffer];
    expect(p.items.some((t) => eu.includes(t.pocket_id))).toBe(false);
    const euPage = await page(lena, "limit=100");
    expect(euPage.items.every((t) => eu.includes(t.pocket_id))).toBe(true);
  });

  it("pages forward and back without gaps or repeats", async () => {
    const first = await page(avery, "limit=7");
    const second = await page(avery, `limit=7&cursor=${first.next_page}`);
    expect(second.prev_page).not.toBeNull();
    const back = await page(avery, `limit=7&cursor=${second.prev_page}`);
    expect(back.items.map((t) => t.id)).toEqual(first.items.map((t) => t.id));
    const fourteen = await page(avery, "limit=14");
    expect([...first.items, ...second.items].map((t) => t.id)).toEqual(
      fourteen.items.map((t) => t.id),
    );
  });

  it("filters by pocket, type, direction, time and amount, in either order", async () => {
    const q = [
      `pocket[]=${SEED_POCKETS.operating}`,
      "type[]=ACH",
      "direction=DEBIT",
      "time_booked_from=2026-01-01T00:00:00Z",
      "time_booked_to=2026-06-30T23:59:59Z",
      "amount_from=80000000",
      "amount_to=120000000",
      "order=asc",
    ].join("&");
    const rows = await all(avery, q);
    expect(rows.length).toBeGreaterThan(5);
    for (const t of rows) {
      expect(t).toMatchObject({
        pocket_id: SEED_POCKETS.operating,
        type: "ACH",
        direction: "DEBIT",
      });
      expect(t.time_booked >= "2026-01-01" && t.time_booked <= "2026-06-30T23:59:59Z").toBe(true);
      expect(t.amount.value).toBeGreaterThanOrEqual(80_000_000);
      expect(t.amount.value).toBeLessThanOrEqual(120_000_000);
    }
    const times = rows.map((t) => t.time_booked);
    expect([...times].sort()).toEqual(times);
  });

  it("shows both legs of an on-us transfer under one transaction, findable by its transfer", async () => {
    const debit = (await page(avery, `type[]=ON_US&direction=DEBIT&limit=1`)).items[0];
    expect(debit?.type).toBe("ON_US");
    if (debit?.type !== "ON_US") return;
    const legs = (await page(avery, `on_us_transfer[]=${debit.on_us_id}`)).items;
    expect(legs.map((t) => t.direction).sort()).toEqual(["CREDIT", "DEBIT"]);
    expect(new Set(legs.map((t) => t.transaction_id)).size).toBe(1);
    expect(legs.reduce((s, t) => s + signedCents(t), 0)).toBe(0);
  });

  it("net flows of a pocket equal the ledger's flows", async () => {
    const rows = await all(
      avery,
      `pocket[]=${SEED_POCKETS.tax}&time_booked_from=2026-01-01T05:00:00Z&time_booked_to=2026-07-01T03:59:59Z`,
    );
    const res = await fetch(
      `${sb.apiUrl}/_sandbox/pockets/${SEED_POCKETS.tax}/flows?from=2026-01-01&to=2026-06-30`,
    );
    const flows = ((await res.json()) as { items: Array<{ kind: string; amount: number }> }).items;
    const ledger = flows.reduce((s, f) => s + (f.kind === "DEPOSIT" ? f.amount : -f.amount), 0);
    expect(rows.reduce((s, t) => s + signedCents(t), 0)).toBe(ledger);
    expect(rows).toHaveLength(flows.length);
  });

  it("books every variant, each with its own fields", async () => {
    for (const type of TRANSACTION_TYPES) {
      const [t] = (await page(avery, `type[]=${type}&limit=1`)).items;
      expect(t?.type, type).toBe(type);
      if (t?.type === "ACH") expect(t.ach_direction).toMatch(/^(RECEIVING|ORIGINATION)$/);
      if (t?.type === "WIRE") expect(t.imad).toBeTruthy();
      if (t?.type === "CARD") expect(t.merchant_name).toBeTruthy();
      if (t?.type === "ON_US") expect(t.counterparty_pocket_id).toBeTruthy();
      if (t?.type === "FEE") expect(t.fee_type).toBe("AUM_FEE");
    }
  });

  it("serves the CSV for the same filters, row for row", async () => {
    const q = `pocket[]=${SEED_POCKETS.operating}&time_booked_from=2026-10-01T04:00:00Z&time_booked_to=2026-11-01T03:59:59Z&direction=DEBIT`;
    const listed = await all(avery, q);
    const res = await fetch(`${sb.apiUrl}/api/v2/transactions.csv?${q}`, {
      headers: { authorization: `Bearer ${avery}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual([...TRANSACTION_CSV_COLUMNS]);
    expect(rows).toEqual(
      listed.map((t) => TRANSACTION_CSV_COLUMNS.map((c) => transactionCsvCells(t)[c])),
    );
  });

  it("quotes commas, quotes and newlines so the fields come back whole", () => {
    const fields = ["Refund, partial", 'The "Harbor" account', "two\nlines", "plain"];
    expect(csvLine(fields)).toBe(
      '"Refund, partial","The ""Harbor"" account","two\nlines",plain\r\n',
    );
    expect(parseCsv(csvLine(fields))).toEqual([fields]);
  });

  it("refuses bad filters with FastAPI's 422 naming the parameter", async () => {
    for (const [query, param] of [
      ["limit=101", "limit"],
      ["type[]=CHEQUE", "type[]"],
      ["direction=UP", "direction"],
      ["pocket[]=nope", "pocket[]"],
      ["cursor=zz", "cursor"],
    ] as const) {
      const r = await list(avery, query);
      expect(r.status, query).toBe(422);
      const detail = ErrorBody.parse(r.body).detail;
      expect(Array.isArray(detail) && detail[0]?.loc.slice(0, 2)).toEqual(["query", param]);
    }
  });
});
