/**
 * Invariants of the whole seeded history (standard seed), read back the way the dashboard and
 * the emulator's own routes read it: the transactions and trades CSVs, the bank statements' PDFs,
 * and the EOD and flow routes. Two seed times on one Monday: mid-afternoon in New York (the day's
 * trades struck, some of its activity still ahead) and early morning (before the trades).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../lib/jiko/business-days";
import { StatementList } from "../../lib/jiko/statements";
import { decimalStringToCents } from "../../lib/money";
import { AVERY, eod, flows } from "../api/pockets-test-kit";
import { SEED_POCKETS } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import { parseCsv } from "../testing/csv";
import { sandboxWithTokens } from "../testing/oauth-client";
import { pdfText } from "../testing/pdf-text";
import { securitiesValue } from "./engine";

const LENA = "lena.devries@harborline.example";
const DAY_MS = 86_400_000;

/** Rows of a CSV export as objects keyed by its header. */
async function csvRows(sb: Sandbox, token: string, path: string) {
  const res = await fetch(`${sb.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const [header, ...rows] = parseCsv(await res.text());
  return rows
    .filter((r) => r.length > 1)
    .map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

/** Every BANK statement the token's customer has, through the cursor. */
async function bankStatements(sb: Sandbox, token: string) {
  const out: StatementList["items"] = [];
  let query = "type[]=BANK&limit=100";
  for (;;) {
    const res = await fetch(`${sb.apiUrl}/api/v1/statements/?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const page = StatementList.parse(await res.json());
    out.push(...page.items);
    if (!page.next_page) return out;
    query = `type[]=BANK&limit=100&cursor=${page.next_page}`;
  }
}

const MONEY = /^-?\$[\d,]+\.\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const cents = (money: string) => decimalStringToCents(money.replace(/[$,]/g, ""));

/** A bank statement's figures as the PDF states them: balances and activity rows. */
function bankStatementOf(text: string[]) {
  const after = (label: string) => cents(text[text.indexOf(label) + 1]!);
  const rows: Array<{ date: string; text: string; amount: number; balance: number }> = [];
  for (let i = text.indexOf("Activity"); i > 0 && i + 3 < text.length; i++) {
    const [date, line, amount, balance] = text.slice(i, i + 4);
    if (DATE.test(date!) && MONEY.test(amount!) && MONEY.test(balance!)) {
      rows.push({ date: date!, text: line!, amount: cents(amount!), balance: cents(balance!) });
      i += 3;
    }
  }
  return { opening: after("Opening balance"), closing: after("Closing balance"), rows };
}

describe.each([
  ["mid-afternoon", new Date("2026-11-30T19:05:00Z")],
  ["early morning, before the day's trades", new Date("2026-11-30T13:05:00Z")],
])("the seeded history, seeded on Monday 2026-11-30 %s", (_, now) => {
  const today = "2026-11-30";
  let sb: Sandbox;
  let tokens: Record<string, string>;
  let transactions: Array<Record<string, string>>;
  let trades: Array<Record<string, string>>;
  beforeAll(async () => {
    ({ sb, tokens } = await sandboxWithTokens(startSandbox, () => now, [AVERY, LENA]));
    transactions = [];
    trades = [];
    for (const token of Object.values(tokens)) {
      transactions.push(...(await csvRows(sb, token, "/api/v2/transactions.csv")));
      trades.push(...(await csvRows(sb, token, "/api/v1/trades.csv")));
    }
  }, 180_000);
  afterAll(() => sb?.close());

  it("books no transaction, trade or flow after the sandbox's now, and runs up to it", async () => {
    const clock = (await (await fetch(`${sb.apiUrl}/_sandbox/clock`)).json()) as { today: string };
    expect(clock.today).toBe(today);
    expect(transactions.length).toBeGreaterThan(1_500);
    expect(trades.length).toBeGreaterThan(1_500);
    const booked = transactions.map((t) => Date.parse(t.time_booked!));
    const struck = trades.map((t) => Date.parse(t.trade_datetime!));
    expect(booked.every((t) => !Number.isNaN(t))).toBe(true);
    expect(struck.every((t) => !Number.isNaN(t))).toBe(true);
    const late = [
      ...transactions.filter((t) => Date.parse(t.time_booked!) > now.getTime()),
      ...trades.filter((t) => Date.parse(t.trade_datetime!) > now.getTime()),
    ];
    expect(late).toEqual([]);
    // The history is not cut short: the last business day (Friday at the latest) has both.
    expect(Math.max(...booked)).toBeGreaterThan(now.getTime() - 4 * DAY_MS);
    expect(Math.max(...struck)).toBeGreaterThan(now.getTime() - 4 * DAY_MS);
    for (const id of Object.values(SEED_POCKETS)) {
      const moved = await flows(sb, id, addDays(today, -7), today);
      expect(moved.every((f) => f.date <= today)).toBe(true);
    }
  });

  it("never lets a pocket's cash below zero: at any end of day, nor within a statement's day", async () => {
    for (const id of Object.values(SEED_POCKETS)) {
      const days = await eod(sb, id, addDays(today, -730), today);
      expect(days.length).toBe(731);
      expect(days.filter((d) => d.cash < 0)).toEqual([]);
    }
    let statements = 0;
    let lines = 0;
    for (const token of Object.values(tokens)) {
      for (const s of await bankStatements(sb, token)) {
        const res = await fetch(s.pdf_download_url);
        expect(res.status).toBe(200);
        const st = bankStatementOf(pdfText(new Uint8Array(await res.arrayBuffer())));
        const where = `${s.jiko_account_id} ${s.key}`;
        // Every line is on the statement: the running balance ends at the closing balance.
        let balance = st.opening;
        for (const row of st.rows) {
          balance += row.amount;
          expect(row.balance, `${where} ${row.date} ${row.text}`).toBe(balance);
        }
        expect(balance, where).toBe(st.closing);
        expect(st.opening, where).toBeGreaterThanOrEqual(0);
        const negative = st.rows.filter((r) => r.balance < 0);
        expect(negative, where).toEqual([]);
        statements++;
        lines += st.rows.length;
      }
    }
    // 6 pockets × the 24 months whose statements are out (2024-11 … 2026-10, opened 2024-11-30).
    expect(statements).toBe(6 * 24);
    expect(lines).toBeGreaterThan(3_000);
  }, 120_000);

  it("moves every pocket's value by exactly its flows and its bills' earnings, each day", async () => {
    // earnings(d) = Δ market value of the bills held (from the trades, priced on the curve)
    //             + cash the day's trades brought in (sales and maturities − buys).
    for (const id of Object.values(SEED_POCKETS)) {
      const from = addDays(today, -730);
      const days = await eod(sb, id, from, today);
      const net = new Map<string, number>();
      for (const f of await flows(sb, id, from, today)) {
        net.set(f.date, (net.get(f.date) ?? 0) + (f.kind === "DEPOSIT" ? f.amount : -f.amount));
      }
      const tradesOn = new Map<string, Array<Record<string, string>>>();
      for (const t of trades.filter((x) => x.account_id === id)) {
        expect(t.settled_date).toBe(t.trade_datetime!.slice(0, 10));
        tradesOn.set(t.settled_date!, [...(tradesOn.get(t.settled_date!) ?? []), t]);
      }
      const held = new Map<string, number>();
      const value = (date: string) =>
        securitiesValue(
          [...held].map(([maturityDate, quantity]) => ({ maturityDate, quantity })),
          date,
        );
      let previous = { total: 0, securities: 0 };
      let checked = 0;
      for (const day of days) {
        let tradeCash = 0;
        for (const t of tradesOn.get(day.date) ?? []) {
          const sign = t.activity === "BUY" ? 1 : -1;
          const units = Number(t.quantity);
          held.set(t.maturity_date!, (held.get(t.maturity_date!) ?? 0) + sign * units);
          tradeCash -= sign * decimalStringToCents(t.notional!);
        }
        const securities = value(day.date);
        const earnings = securities - previous.securities + tradeCash;
        const where = `${id} ${day.date}`;
        expect(day.securities, where).toBe(securities);
        expect(day.total, where).toBe(previous.total + (net.get(day.date) ?? 0) + earnings);
        previous = { total: day.total, securities };
        checked++;
      }
      expect(checked).toBe(731);
      expect([...held.values()].every((q) => q >= 0)).toBe(true);
    }
  }, 120_000);
});

describe("the clock after an early-morning seed", () => {
  const today = "2026-11-30";
  let wall = new Date(`${today}T13:05:00Z`);
  let sb: Sandbox;
  let token: string;
  beforeAll(async () => {
    let tokens: Record<string, string>;
    ({ sb, tokens } = await sandboxWithTokens(startSandbox, () => wall, [AVERY]));
    token = tokens[AVERY]!;
  }, 120_000);
  afterAll(() => sb?.close());

  const tradesOfToday = async () => {
    await fetch(`${sb.apiUrl}/_sandbox/clock`); // catches up
    const rows = await csvRows(sb, token, "/api/v1/trades.csv");
    return { all: rows, today: rows.filter((t) => t.trade_datetime!.startsWith(today)) };
  };

  it("runs the day when its trades are struck: bills maturing today mature then, not before", async () => {
    const before = await tradesOfToday();
    // Units held of bills maturing today: bought, less any sold to raise cash.
    const held = before.all
      .filter((t) => t.maturity_date === today)
      .reduce((sum, t) => sum + (t.activity === "BUY" ? 1 : -1) * Number(t.quantity), 0);
    expect(held).toBeGreaterThan(0);
    expect(before.today).toEqual([]);
    wall = new Date(`${today}T14:29:59Z`);
    expect((await tradesOfToday()).today).toEqual([]);
    wall = new Date(`${today}T14:30:00Z`);
    const after = await tradesOfToday();
    const matured = after.today.filter((t) => t.activity === "MATURITY");
    expect(matured.reduce((sum, t) => sum + Number(t.quantity), 0)).toBe(held);
    expect(after.today.every((t) => Date.parse(t.trade_datetime!) <= wall.getTime())).toBe(true);
  });
});
