import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv";
import { pocketFlows, pocketTrades } from "@/sandbox/db/schema";
import { SEED, SEED_POCKETS } from "@/sandbox/seed";
import { acceptInvitation } from "@/sandbox/testing/signup";
import type { JikoClient } from "../jiko/client";
import { reportDownload } from "./documents";
import {
  auditLogExport,
  READABLE_TRANSACTION_COLUMNS,
  tradesExport,
  transactionsExport,
} from "./exports";
import { type DownloadSandbox, downloadSandbox } from "./test-kit";

/** What a hostile teammate types into a name field, hoping a spreadsheet runs it. */
const FORMULA = '=HYPERLINK("http://x","Refund")';
/** A negative amount: a number, which must reach the spreadsheet exactly as Jiko wrote it. */
const NEGATIVE = "-1250.00";
const MALLORY = { email: "mallory@harborline.example", password: "correct-horse-battery" };

let kit: DownloadSandbox;
let avery: JikoClient;
let today: string;

beforeAll(async () => {
  kit = await downloadSandbox();
  avery = await kit.jikoAs(SEED.people.avery.email);
  today = await kit.sb.clock.today();
  // Names are free text at Jiko: an admin invites someone named like a formula through the
  // Customer API, they join and sign in, and their own actions put the name in the audit log.
  await avery.inviteMember({
    first_name: FORMULA,
    last_name: "Mallory",
    email: MALLORY.email,
    phone_number: "+14155550199",
    role: "ADMIN",
  });
  const outbox = (await (
    await fetch(`${kit.sb.apiUrl}/_sandbox/outbox?to=${encodeURIComponent(MALLORY.email)}`)
  ).json()) as { items: { kind: string; link: string | null }[] };
  const link = outbox.items.find((i) => i.kind === "email" && i.link)?.link;
  expect(link).toBeTruthy();
  await acceptInvitation({ link: link!, password: MALLORY.password });
  const mallory = await kit.jikoAs(MALLORY.email, MALLORY.password);
  // Pocket names reach the position report: one formula, one that is a plain number.
  await mallory.updatePocket(SEED_POCKETS.operating, { pocket_name: FORMULA });
  await mallory.updatePocket(SEED_POCKETS.payroll, { pocket_name: NEGATIVE });
  // Transactions and trades carry no text a team member types: the sandbox's database stands in
  // for an upstream row carrying a formula, beside a signed amount (a reversal, say).
  await kit.sb.db.insert(pocketFlows).values([
    {
      pocketId: SEED_POCKETS.tax,
      date: today,
      kind: "WITHDRAWAL",
      amount: 125_000,
      description: FORMULA,
      rail: "WIRE",
      details: { counterparty_name: "@SUM(1+1)*cmd|' /C calc'!A0" },
    },
    {
      pocketId: SEED_POCKETS.tax,
      date: today,
      kind: "WITHDRAWAL",
      amount: -125_000,
      description: "Wire recall",
      rail: "WIRE",
      details: { counterparty_name: "+1 (415) 555-0100" },
    },
  ]);
  await kit.sb.db.insert(pocketTrades).values({
    pocketId: SEED_POCKETS.tax,
    kind: "SELL",
    cusip: FORMULA,
    maturityDate: "2099-12-31",
    quantity: 1,
    priceMicros: 99_000_000,
    amount: -125_000,
    tradeDate: today,
    settlementDate: today,
  });
}, 120_000);
afterAll(() => kit?.sb.close());

/** Jiko's own rows, with exactly the cells a spreadsheet would run prefixed by a single quote. */
const guardedRows = (raw: string, formulas: string[]) =>
  parseCsv(raw).map((row) => row.map((cell) => (formulas.includes(cell) ? `'${cell}` : cell)));

function expectAttachment(res: Response, name: RegExp) {
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("content-disposition")).toMatch(
    new RegExp(`^attachment; filename="${name.source}"$`),
  );
}

/** The cells of `rows` under the column `name`. */
const column = (rows: string[][], name: string) => {
  const at = rows[0]!.indexOf(name);
  return rows.slice(1).map((r) => r[at]);
};

describe("CSV exports neutralize formula cells and keep numbers", () => {
  it("transactions", async () => {
    const query = { "pocket[]": [SEED_POCKETS.tax] };
    const raw = await (await avery.transactionsCsv(query)).text();
    const res = await transactionsExport(avery, query, today);
    expectAttachment(res, /transactions-\d{4}-\d{2}-\d{2}\.csv/);
    const rows = parseCsv(await res.text());
    const formulas = [FORMULA, "@SUM(1+1)*cmd|' /C calc'!A0", "+1 (415) 555-0100"];
    // Jiko's columns first, exactly as sent (guarded); the readable ones after them.
    const added = READABLE_TRANSACTION_COLUMNS.length;
    expect(rows.map((r) => r.slice(0, -added))).toEqual(guardedRows(raw, formulas));
    expect(rows[0]!.slice(-added)).toEqual([...READABLE_TRANSACTION_COLUMNS]);
    expect(column(rows, "title")).toContain(`'${FORMULA}`);
    expect(column(rows, "counterparty")).toContain("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(column(rows, "amount")).toContain(NEGATIVE);
    expect(column(rows, "amount").filter((a) => a === "1250.00")).toHaveLength(1);
  });

  it("transactions, with the pocket's name, a signed amount and New York time", async () => {
    const pockets = (await avery.pockets({ limit: 100 })).items;
    const nameOf = (id: string) => pockets.find((p) => p.id === id)!.pocket_name;
    const query = { "pocket[]": [SEED_POCKETS.tax, SEED_POCKETS.operating] };
    const rows = parseCsv(await (await transactionsExport(avery, query, today)).text());
    const [header, ...body] = rows;
    const cell = (r: string[], name: string) => r[header!.indexOf(name)]!;
    expect(body.length).toBeGreaterThan(5);
    for (const r of body) {
      const name = nameOf(cell(r, "pocket_id"));
      // The operating pocket is named like a formula: the guard reaches the added cells too.
      expect(cell(r, "pocket_name")).toBe(name === FORMULA ? `'${FORMULA}` : name);
      const unsigned = cell(r, "amount").replace(/^-/, "");
      const negative = cell(r, "amount").startsWith("-") !== (cell(r, "direction") === "DEBIT");
      expect(cell(r, "signed_amount_usd")).toBe(negative ? `-${unsigned}` : unsigned);
      const ny = cell(r, "time_booked_new_york");
      expect(ny).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[45]:00$/);
      expect(Date.parse(ny)).toBe(Math.floor(Date.parse(cell(r, "time_booked")) / 1000) * 1000);
    }
    expect(body.map((r) => cell(r, "pocket_name"))).toContain(`'${FORMULA}`);
    const recall = body.find((r) => cell(r, "title") === "Wire recall")!;
    expect(cell(recall, "signed_amount_usd")).toBe("1250.00");
    const wire = body.find((r) => cell(r, "title") === `'${FORMULA}`)!;
    expect(cell(wire, "signed_amount_usd")).toBe("-1250.00");
  });

  it("transactions, filtered by amount on the way", async () => {
    const query = { "pocket[]": [SEED_POCKETS.tax], direction: "DEBIT" as const, amount_to: 0 };
    const rows = parseCsv(await (await transactionsExport(avery, query, today)).text());
    expect(column(rows, "title")).toEqual(["Wire recall"]);
    expect(column(rows, "amount")).toEqual([NEGATIVE]);
  });

  it("trades", async () => {
    const query = { "account[]": [SEED_POCKETS.tax] };
    const raw = await (await avery.tradesCsv(query)).text();
    const res = await tradesExport(avery, query, today);
    expectAttachment(res, /trades-\d{4}-\d{2}-\d{2}\.csv/);
    const rows = parseCsv(await res.text());
    expect(rows).toEqual(guardedRows(raw, [FORMULA]));
    expect(column(rows, "cusip")).toContain(`'${FORMULA}`);
    expect(column(rows, "notional")).toContain(NEGATIVE);
  });

  it("audit log", async () => {
    const raw = await (await avery.auditLogsCsv({})).text();
    const actor = `${FORMULA} Mallory`;
    expect(parseCsv(raw).some((r) => r.includes(actor))).toBe(true);
    const res = await auditLogExport(avery, {}, today);
    expectAttachment(res, /audit-log-\d{4}-\d{2}-\d{2}\.csv/);
    const rows = parseCsv(await res.text());
    expect(rows).toEqual(guardedRows(raw, [actor]));
    expect(column(rows, "actor_name").filter((n) => n === `'${actor}`)).toHaveLength(2);
    // The renamed pockets stay inside the before/after JSON, which starts with "{".
    expect(column(rows, "after").some((a) => a?.includes(NEGATIVE))).toBe(true);
  });

  it("position report", async () => {
    const request = await avery.createReportRequest({
      report_type: "POSITION_SUMMARY_REPORT",
      output_format: "CSV",
      pocket_ids: [SEED_POCKETS.operating, SEED_POCKETS.payroll],
      as_of_date: today,
    });
    kit.advance(10_000);
    const listed = await avery.reportRequests({ limit: 10 });
    const report = listed.items.find((r) => r.id === request.id)?.report;
    expect(report?.status).toBe("COMPLETED");
    const raw = await (await fetch((await avery.reportDownload(report!.id)).url)).text();
    const res = await reportDownload(avery, report!.id, "CSV", { origins: kit.origins });
    expectAttachment(res, /position_summary_report-[0-9a-f]{8}\.csv/);
    const rows = parseCsv(await res.text());
    expect(rows).toEqual(guardedRows(raw, [FORMULA]));
    expect(column(rows, "Pocket")).toContain(`'${FORMULA}`);
    expect(column(rows, "Pocket")).toContain(NEGATIVE);
    expect(column(rows, "Pocket")).not.toContain(FORMULA);
  });
});
