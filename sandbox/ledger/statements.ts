/**
 * Statements from the ledger. Monthly, per pocket: a BANK statement (the bank account's cash:
 * deposits, withdrawals, and the sweeps to and from the brokerage account that T-bill buys,
 * sales and maturities make) and a BROKERAGE statement (bills held, their value, the trades).
 * Yearly, per pocket: 1099INT (the discount earned on bills that matured in the year) and 1099B
 * (proceeds of bills sold in the year). A month's statements appear on the 10th of the next
 * month (Jiko: "by the 15th"); a year's tax forms on February 15.
 */
import { and, asc, eq } from "drizzle-orm";
import { addDays, lastBusinessDayOnOrBefore } from "../../lib/jiko/business-days";
import type { StatementType } from "../../lib/jiko/statements";
import { centsToDecimalString } from "../../lib/money";
import { addMonths, monthEnd, monthsBetween } from "../../lib/months";
import type { SandboxDb } from "../db/open";
import { customers, pockets, pocketTrades } from "../db/schema";
import { renderPdf, type Section } from "../documents/pdf";
import { stableId } from "../ids";
import { billDescription } from "./cusip";
import { billPrice } from "./engine";
import { marketValueCents } from "./pricing";
import { holdingsOn } from "./store";
import { eodOn, flowsIn, tradesIn } from "./valuation";

export interface StatementRef {
  id: string;
  pocketId: string;
  type: StatementType;
  key: string;
  timeCreated: string;
  /** Orders statements created at the same moment: pocket, then type. */
  seq: number;
}

const TYPE_RANK: Record<StatementType, number> = {
  BANK: 0,
  BROKERAGE: 1,
  "1099INT": 2,
  "1099B": 3,
};

export const statementId = (pocketId: string, type: StatementType, key: string) =>
  stableId("statement", `${pocketId}:${type}:${key}`);

/** Every statement of the customer's pockets available on `today`, newest first. */
export async function availableStatements(
  db: SandboxDb,
  customerId: string,
  today: string,
): Promise<StatementRef[]> {
  const rows = await db
    .select()
    .from(pockets)
    .where(eq(pockets.customerId, customerId))
    .orderBy(asc(pockets.createdAt), asc(pockets.id));
  const out: StatementRef[] = [];
  rows.forEach((p, ordinal) => {
    if (p.status === "PENDING") return;
    const lastDay = p.closedAt ? p.closedAt.toISOString().slice(0, 10) : today;
    const add = (type: StatementType, key: string, available: string) => {
      if (available > today) return;
      out.push({
        id: statementId(p.id, type, key),
        pocketId: p.id,
        type,
        key,
        timeCreated: `${available}T12:00:00.000Z`,
        seq: ordinal * 10 + TYPE_RANK[type],
      });
    };
    for (const month of monthsBetween(p.openedOn.slice(0, 7), lastDay.slice(0, 7))) {
      const available = `${addMonths(month, 1)}-10`;
      add("BANK", month, available);
      add("BROKERAGE", month, available);
    }
    for (let y = Number(p.openedOn.slice(0, 4)); y <= Number(lastDay.slice(0, 4)); y++) {
      add("1099INT", String(y), `${y + 1}-02-15`);
      add("1099B", String(y), `${y + 1}-02-15`);
    }
  });
  return out.sort((a, b) => b.timeCreated.localeCompare(a.timeCreated) || b.seq - a.seq);
}

// --- The PDFs -----------------------------------------------------------------------------------

const money = (cents: number) => {
  const [whole, frac] = centsToDecimalString(Math.abs(cents)).split(".");
  return `${cents < 0 ? "-" : ""}$${Number(whole).toLocaleString("en-US")}.${frac}`;
};

interface Line {
  date: string;
  text: string;
  cents: number;
  /** Order within the day (DAY_ORDER). */
  rank: number;
}

/**
 * A day's movements in the engine's order (engine.ts `runDay`): maturities and deposits, then the
 * sales that raise cash for the withdrawals, the withdrawals, and last the buys. The cash never
 * goes below zero in it, as the engine never lets it.
 */
const DAY_ORDER = { MATURITY: 0, DEPOSIT: 1, SELL: 2, WITHDRAWAL: 3, BUY: 4 } as const;

/** The bank account's movements in [from, to]: flows, and the sweeps trades make. */
async function bankLines(db: SandboxDb, pocketId: string, from: string, to: string) {
  const flows = await flowsIn(db, pocketId, from, to);
  const trades = await tradesIn(db, pocketId, from, to);
  const lines: Line[] = [
    ...flows.map((f) => ({
      date: f.date,
      text: f.description,
      cents: f.kind === "DEPOSIT" ? f.amount : -f.amount,
      rank: DAY_ORDER[f.kind as "DEPOSIT" | "WITHDRAWAL"],
    })),
    ...trades.map((t) => ({
      date: t.settlementDate,
      text:
        t.kind === "BUY"
          ? `Sweep to brokerage: buy ${t.cusip}`
          : `Sweep from brokerage: ${t.kind === "SELL" ? "sale" : "maturity"} of ${t.cusip}`,
      cents: t.kind === "BUY" ? -t.amount : t.amount,
      rank: DAY_ORDER[t.kind as keyof typeof DAY_ORDER],
    })),
  ];
  // A stable sort: within a kind, the ledger's order.
  return lines.sort((a, b) => a.date.localeCompare(b.date) || a.rank - b.rank);
}

/** The figures a monthly statement states, from the ledger (tests compare them to EOD values). */
export async function monthlyFigures(
  db: SandboxDb,
  p: { id: string; openedOn: string },
  month: string,
) {
  const from = `${month}-01`;
  const to = monthEnd(month);
  const opening = await eodOn(db, p, addDays(from, -1));
  const closing = await eodOn(db, p, to);
  return { from, to, opening, closing };
}

export async function statementPdf(db: SandboxDb, s: StatementRef): Promise<Uint8Array> {
  const [p] = await db.select().from(pockets).where(eq(pockets.id, s.pocketId));
  if (!p) throw new Error(`pocket ${s.pocketId} vanished`);
  const [c] = await db.select().from(customers).where(eq(customers.id, p.customerId));
  const subtitle = `${c?.name ?? ""} · ${p.pocketName} · account ${p.id}`;
  const footer = "Jiko Bank and Jiko Securities, Inc. (sandbox)";
  const sections: Section[] = [];
  let title: string;

  if (s.type === "BANK" || s.type === "BROKERAGE") {
    const { from, to, opening, closing } = await monthlyFigures(db, p, s.key);
    if (s.type === "BANK") {
      title = `Bank Statement ${s.key}`;
      const lines = await bankLines(db, p.id, from, to);
      let balance = opening.cash;
      sections.push(
        {
          title: "Summary",
          pairs: [
            ["Period", `${from} to ${to}`],
            ["Opening balance", money(opening.cash)],
            ["Credits", money(lines.filter((l) => l.cents > 0).reduce((a, l) => a + l.cents, 0))],
            ["Debits", money(lines.filter((l) => l.cents < 0).reduce((a, l) => a + l.cents, 0))],
            ["Closing balance", money(closing.cash)],
          ],
        },
        {
          title: "Activity",
          columns: ["Date", "Description", "Amount", "Balance"],
          align: ["left", "left", "right", "right"],
          rows: lines.map((l) => {
            balance += l.cents;
            return [l.date, l.text, money(l.cents), money(balance)];
          }),
        },
      );
    } else {
      title = `Brokerage Statement ${s.key}`;
      const pricing = lastBusinessDayOnOrBefore(to);
      const held = await holdingsOn(db, p.id, to);
      const trades = await tradesIn(db, p.id, from, to);
      sections.push(
        {
          title: "Summary",
          pairs: [
            ["Period", `${from} to ${to}`],
            ["Opening value of securities", money(opening.securities)],
            ["Closing value of securities", money(closing.securities)],
            ["Priced as of", pricing],
          ],
        },
        {
          title: "Holdings at period end",
          columns: ["CUSIP", "Description", "Face", "Price", "Market value"],
          align: ["left", "left", "right", "right", "right"],
          rows: held.map((h) => {
            const pm = billPrice(pricing, h.maturityDate);
            return [
              h.cusip,
              billDescription(h.maturityDate),
              money(h.quantity * 10_000),
              (pm / 1e6).toFixed(6),
              money(marketValueCents(h.quantity, pm)),
            ];
          }),
        },
        {
          title: "Trades",
          columns: ["Date", "Activity", "CUSIP", "Face", "Amount"],
          align: ["left", "left", "left", "right", "right"],
          rows: trades.map((t) => [
            t.settlementDate,
            t.kind,
            t.cusip,
            money(t.quantity * 10_000),
            money(t.amount),
          ]),
        },
      );
    }
  } else {
    const from = `${s.key}-01-01`;
    const to = `${s.key}-12-31`;
    const trades = await tradesIn(db, p.id, from, to);
    const buys = await db
      .select()
      .from(pocketTrades)
      .where(and(eq(pocketTrades.pocketId, p.id), eq(pocketTrades.kind, "BUY")));
    /** Average cost per unit of each CUSIP, in cents per unit (basis for 1099 figures). */
    const cost = new Map<string, { units: number; cents: number }>();
    for (const b of buys) {
      const c0 = cost.get(b.cusip) ?? { units: 0, cents: 0 };
      cost.set(b.cusip, { units: c0.units + b.quantity, cents: c0.cents + b.amount });
    }
    const basis = (cusip: string, units: number) => {
      const c0 = cost.get(cusip);
      return c0?.units ? Math.round((c0.cents * units) / c0.units) : 0;
    };
    if (s.type === "1099INT") {
      title = `Form 1099-INT ${s.key}`;
      const matured = trades.filter((t) => t.kind === "MATURITY");
      const interest = matured.reduce((a, t) => a + t.amount - basis(t.cusip, t.quantity), 0);
      sections.push(
        {
          title: "Interest income",
          pairs: [
            ["Tax year", s.key],
            ["Box 3: Interest on U.S. Savings Bonds and Treasury obligations", money(interest)],
            ["Box 4: Federal income tax withheld", money(0)],
          ],
        },
        {
          title: "Bills matured",
          columns: ["Date", "CUSIP", "Face", "Cost", "Discount earned"],
          align: ["left", "left", "right", "right", "right"],
          rows: matured.map((t) => {
            const b = basis(t.cusip, t.quantity);
            return [t.settlementDate, t.cusip, money(t.amount), money(b), money(t.amount - b)];
          }),
        },
      );
    } else {
      title = `Form 1099-B ${s.key}`;
      const sold = trades.filter((t) => t.kind === "SELL");
      sections.push(
        {
          title: "Proceeds from broker transactions",
          pairs: [
            ["Tax year", s.key],
            ["Total proceeds", money(sold.reduce((a, t) => a + t.amount, 0))],
            ["Total cost basis", money(sold.reduce((a, t) => a + basis(t.cusip, t.quantity), 0))],
          ],
        },
        {
          title: "Sales",
          columns: ["Date sold", "CUSIP", "Face", "Proceeds", "Cost basis"],
          align: ["left", "left", "right", "right", "right"],
          rows: sold.map((t) => [
            t.settlementDate,
            t.cusip,
            money(t.quantity * 10_000),
            money(t.amount),
            money(basis(t.cusip, t.quantity)),
          ]),
        },
      );
    }
  }
  return renderPdf({ title, subtitle, sections, footer });
}
