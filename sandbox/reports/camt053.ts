/**
 * ISO 20022 camt.053.001.08 (BankToCustomerStatementV08) end-of-day statements for one reporting
 * date, one <Stmt> per pocket, from the ledger:
 * - BROKERAGE: opening and closing balances are the T-bills' EOD values of the day before and
 *   the day; entries are the additions (bills bought with the day's cash), subtractions (bills
 *   sold or matured) and the day's gain or loss, so opening + entries = closing.
 * - BANK: the bank account's EOD cash; entries are the deposits, withdrawals and the sweeps to and
 *   from the brokerage account.
 * Validated against ../shared/iso20022/camt.053.001.08.xsd in the tests.
 */
import { eq } from "drizzle-orm";
import { addDays } from "../../lib/jiko/business-days";
import { centsToDecimalString } from "../../lib/money";
import type { SandboxDb } from "../db/open";
import { pockets } from "../db/schema";
import { eodOn, flowsIn, tradesIn } from "../ledger/valuation";

export const CAMT053_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

interface Entry {
  ref: string;
  cents: number;
  code: string;
  info: string;
}

const amount = (cents: number) => `<Amt Ccy="USD">${centsToDecimalString(Math.abs(cents))}</Amt>`;
const side = (cents: number) => `<CdtDbtInd>${cents < 0 ? "DBIT" : "CRDT"}</CdtDbtInd>`;

function balance(code: "OPBD" | "CLBD", cents: number, date: string) {
  return `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp>${amount(cents)}${side(cents)}<Dt><Dt>${date}</Dt></Dt></Bal>`;
}

function entry(e: Entry, date: string) {
  return (
    `<Ntry><NtryRef>${esc(e.ref.slice(0, 35))}</NtryRef>${amount(e.cents)}${side(e.cents)}` +
    `<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>${date}</Dt></BookgDt><ValDt><Dt>${date}</Dt></ValDt>` +
    `<BkTxCd><Prtry><Cd>${e.code}</Cd><Issr>JIKO</Issr></Prtry></BkTxCd>` +
    `<AddtlNtryInf>${esc(e.info.slice(0, 500))}</AddtlNtryInf></Ntry>`
  );
}

async function brokerageEntries(db: SandboxDb, pocketId: string, date: string, change: number) {
  const trades = await tradesIn(db, pocketId, date, date);
  const entries: Entry[] = trades.map((t) => ({
    ref: t.id.replaceAll("-", ""),
    cents: t.kind === "BUY" ? t.amount : -t.amount,
    code: t.kind === "BUY" ? "ADDITION" : "SUBTRACTION",
    info: `${t.kind === "BUY" ? "Bought" : t.kind === "SELL" ? "Sold" : "Matured"} ${t.cusip}`,
  }));
  const moved = entries.reduce((s, e) => s + e.cents, 0);
  const gain = change - moved;
  if (gain !== 0) {
    entries.push({
      ref: `GAIN-${pocketId.slice(0, 8)}-${date}`,
      cents: gain,
      code: "GAIN_LOSS",
      info: gain > 0 ? "Gain on T-bills held" : "Loss on T-bills held",
    });
  }
  return entries;
}

async function bankEntries(db: SandboxDb, pocketId: string, date: string) {
  const flows = await flowsIn(db, pocketId, date, date);
  const trades = await tradesIn(db, pocketId, date, date);
  return [
    ...flows.map((f) => ({
      ref: f.id.replaceAll("-", ""),
      cents: f.kind === "DEPOSIT" ? f.amount : -f.amount,
      code: f.rail,
      info: f.description,
    })),
    ...trades.map((t) => ({
      ref: `SWP${t.id.replaceAll("-", "").slice(0, 32)}`,
      cents: t.kind === "BUY" ? -t.amount : t.amount,
      code: "SWEEP",
      info: t.kind === "BUY" ? "Sweep to brokerage" : "Sweep from brokerage",
    })),
  ];
}

export async function camt053(
  db: SandboxDb,
  o: {
    kind: "BANK" | "BROKERAGE";
    pocketIds: string[];
    date: string;
    messageId: string;
    createdAt: string;
  },
): Promise<string> {
  const statements: string[] = [];
  for (const pocketId of o.pocketIds) {
    const [p] = await db.select().from(pockets).where(eq(pockets.id, pocketId));
    if (!p) continue;
    const before = await eodOn(db, p, addDays(o.date, -1));
    const day = await eodOn(db, p, o.date);
    const pick = (e: typeof day) => (o.kind === "BANK" ? e.cash : e.securities);
    const entries =
      o.kind === "BANK"
        ? await bankEntries(db, p.id, o.date)
        : await brokerageEntries(db, p.id, o.date, pick(day) - pick(before));
    statements.push(
      `<Stmt><Id>${o.kind.slice(0, 3)}-${p.id.slice(0, 8)}-${o.date}</Id><CreDtTm>${o.createdAt}</CreDtTm>` +
        `<Acct><Id><Othr><Id>${p.id.replaceAll("-", "")}</Id></Othr></Id><Ccy>USD</Ccy>` +
        `<Nm>${esc(`${p.pocketName} (${o.kind === "BANK" ? "bank" : "brokerage"})`.slice(0, 70))}</Nm></Acct>` +
        balance("OPBD", pick(before), o.date) +
        balance("CLBD", pick(day), o.date) +
        entries.map((e) => entry(e, o.date)).join("") +
        `</Stmt>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="${CAMT053_NAMESPACE}"><BkToCstmrStmt>` +
    `<GrpHdr><MsgId>${esc(o.messageId.slice(0, 35))}</MsgId><CreDtTm>${o.createdAt}</CreDtTm></GrpHdr>` +
    `${statements.join("")}</BkToCstmrStmt></Document>\n`
  );
}
