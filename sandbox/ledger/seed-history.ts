/**
 * Two years of money for the seeded pockets, run through the engine day by day so every figure
 * comes from the ledger. Amounts come from a PRNG keyed by (rule, date): the same calendar day
 * always gets the same amounts, whatever the seed date.
 *
 * Rhythm (all on business days):
 * - Operating Reserve: customer receipts on the 1st and 15th (next business day), vendor payments
 *   every Thursday, and a sweep of the excess over $10M to Strategic Reserve each quarter when it
 *   holds more than $14M.
 * - Payroll: funded from Operating Reserve on the Wednesday before each biweekly payroll Friday,
 *   payroll paid that Friday (the business day before it when a holiday).
 * - Tax Reserve: a monthly set-aside on the 20th, federal estimated taxes on Jan/Apr/Jun/Sep 15.
 * - Strategic Reserve: the quarterly sweeps in, an equipment purchase each March.
 * - EU Operating: receipts on the 5th and 20th, supplier payments every Tuesday, a quarterly sweep
 *   of the excess over $2.5M to EU Liquidity Buffer when it holds more than $3.5M.
 * Withdrawals never take more than 90 % of a pocket's value on the day.
 */
import {
  addDays,
  daysBetween,
  isBusinessDay,
  lastBusinessDayOnOrBefore,
  nextBusinessDayOnOrAfter,
} from "../../lib/jiko/business-days";
import type { DbOrTx } from "../db/open";
import { stableId } from "../ids";
import { writeClock } from "./clock";
import { type Book, type Flow, type FlowRail, newBook, securitiesValue } from "./engine";
import { runDays, writeRun } from "./store";

export type SeedPocketKey =
  | "operating"
  | "payroll"
  | "tax"
  | "strategic"
  | "euOperating"
  | "euBuffer";

export interface SeedPocket {
  key: SeedPocketKey;
  id: string;
  depositStrategyId: string;
  reinvestmentStrategyId: string | null;
}

export const HISTORY_DAYS = 730;

const OPENING: Record<SeedPocketKey, number> = {
  operating: 1_200_000_000,
  payroll: 300_000_000,
  tax: 600_000_000,
  strategic: 2_500_000_000,
  euOperating: 250_000_000,
  euBuffer: 600_000_000,
};

const NAMES: Record<SeedPocketKey, string> = {
  operating: "Operating Reserve",
  payroll: "Payroll",
  tax: "Tax Reserve",
  strategic: "Strategic Reserve",
  euOperating: "EU Operating",
  euBuffer: "EU Liquidity Buffer",
};

/** Uniform [0, 1) from a key (FNV-1a + one mulberry32 step). */
function rand(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  let t = (h + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Cents between lo and hi dollars, to the cent. */
const amount = (key: string, lo: number, hi: number) =>
  Math.round((lo + (hi - lo) * rand(key)) * 100);

/** The outside parties of the seeded flows, and the rail each one uses. */
const ach = (
  key: string,
  direction: "RECEIVING" | "ORIGINATION",
  companyName: string,
  entry: string,
): FlowRail => ({
  type: "ACH",
  transferId: stableId("ach", key),
  details: {
    company_name: companyName,
    company_entry_description: entry,
    ach_direction: direction,
    // 15 digits: the ODFI's routing prefix and a sequence (Nacha's layout).
    trace_number: `0210000${String(Number.parseInt(stableId("trace", key).slice(0, 8), 16) % 1e8).padStart(8, "0")}`,
  },
});
const wire = (key: string, counterparty: string, memo: string): FlowRail => {
  const id = stableId("wire", key);
  const date = key.slice(-10).replaceAll("-", "");
  return {
    type: "WIRE",
    transferId: id,
    details: {
      counterparty_name: counterparty,
      // Fedwire's IMAD: cycle date, source id, sequence.
      imad: `${date}MMQFMP${id.slice(0, 8).toUpperCase()}`,
      remittance_information: { unstructured: memo, end_to_end_identification: id.slice(0, 16) },
    },
  };
};

const dayOfMonth = (d: string, n: number) =>
  d === nextBusinessDayOnOrAfter(`${d.slice(0, 8)}${String(n).padStart(2, "0")}`);
const weekday = (d: string) => new Date(`${d}T12:00:00Z`).getUTCDay();
/** The business day on or before the given weekday of d's week (Monday-based weeks). */
const weeklyOn = (d: string, dow: number) =>
  d === lastBusinessDayOnOrBefore(addDays(d, dow - ((weekday(d) + 6) % 7) - 1));
/** Payroll Fridays: every other Friday from 2024-01-05. */
const payrollFriday = (d: string) => {
  const fri = addDays(d, 5 - ((weekday(d) + 6) % 7) - 1);
  return (daysBetween("2024-01-05", fri) / 7) % 2 === 0 ? fri : null;
};
const quarterStart = (d: string) =>
  ["01", "04", "07", "10"].includes(d.slice(5, 7)) && dayOfMonth(d, 6);

export function seedFlows(pockets: SeedPocket[], start: string) {
  const id = Object.fromEntries(pockets.map((p) => [p.key, p.id])) as Record<SeedPocketKey, string>;
  const firstDay = nextBusinessDayOnOrAfter(start);
  return (date: string, books: Book[]): Flow[] => {
    if (!isBusinessDay(date)) return [];
    const flows: Flow[] = [];
    const value = (key: SeedPocketKey) => {
      const b = books.find((x) => x.pocketId === id[key]);
      return b ? b.cash + securitiesValue(b.lots, date) : 0;
    };
    // What is already going out today, so two withdrawals never exceed the cap together.
    const out = new Map<SeedPocketKey, number>();
    const flow = (
      key: SeedPocketKey,
      kind: Flow["kind"],
      cents: number,
      description: string,
      rail: FlowRail,
    ) => {
      if (kind === "WITHDRAWAL") {
        const cap = Math.floor(value(key) * 0.9) - (out.get(key) ?? 0);
        cents = Math.min(cents, cap);
        out.set(key, (out.get(key) ?? 0) + Math.max(cents, 0));
      }
      if (cents > 0)
        flows.push({ pocketId: id[key], date, kind, amount: cents, description, rail });
      return cents;
    };
    const transfer = (from: SeedPocketKey, to: SeedPocketKey, cents: number) => {
      const onUs = (other: SeedPocketKey): FlowRail => ({
        type: "ON_US",
        transactionId: stableId("onus-tx", `${from}:${to}:${date}`),
        transferId: stableId("onus", `${from}:${to}:${date}`),
        details: { counterparty_pocket_id: id[other], counterparty_name: NAMES[other] },
      });
      const moved = flow(from, "WITHDRAWAL", cents, `Transfer to ${NAMES[to]}`, onUs(to));
      if (moved > 0) flow(to, "DEPOSIT", moved, `Transfer from ${NAMES[from]}`, onUs(from));
    };

    if (date === firstDay) {
      for (const p of pockets) {
        const from = p.key.startsWith("eu") ? "Harborline Europe B.V." : "Harborline Logistics";
        const rail = wire(`open:${p.key}:${date}`, from, "Initial funding");
        flow(p.key, "DEPOSIT", OPENING[p.key], "Opening deposit", rail);
      }
      return flows;
    }
    // Harborline Treasury
    if (dayOfMonth(date, 1) || dayOfMonth(date, 15)) {
      flow(
        "operating",
        "DEPOSIT",
        amount(`rcpt:${date}`, 3_200_000, 4_200_000),
        "Customer receipts",
        wire(`rcpt:${date}`, "Harborline Logistics collections (JPMorgan Chase)", "Lockbox sweep"),
      );
    }
    if (weeklyOn(date, 4)) {
      const cents = amount(`ap:${date}`, 700_000, 1_300_000);
      const rail = ach(`ap:${date}`, "ORIGINATION", "Harborline Logistics", "VENDOR PAY");
      flow("operating", "WITHDRAWAL", cents, "Vendor payments", rail);
    }
    const fri = payrollFriday(date);
    const payroll = fri ? amount(`payroll:${fri}`, 1_100_000, 1_300_000) : 0;
    if (fri && date === lastBusinessDayOnOrBefore(addDays(fri, -2))) {
      transfer("operating", "payroll", payroll + amount(`buffer:${fri}`, 0, 20_000));
    }
    if (fri && date === lastBusinessDayOnOrBefore(fri)) {
      const rail = ach(`payroll:${fri}`, "ORIGINATION", "Harborline Logistics", "PAYROLL");
      flow("payroll", "WITHDRAWAL", payroll, `Payroll ${fri}`, rail);
    }
    if (dayOfMonth(date, 20)) {
      const cents = amount(`taxsave:${date}`, 800_000, 1_000_000);
      const rail = ach(`taxsave:${date}`, "RECEIVING", "HARBORLINE LOGIST", "TAX RSRV");
      flow("tax", "DEPOSIT", cents, "Tax set-aside", rail);
    }
    const month = date.slice(5, 7);
    if (["01", "04", "06", "09"].includes(month) && dayOfMonth(date, 15)) {
      const q = { "01": "Q4", "04": "Q1", "06": "Q2", "09": "Q3" }[month];
      const year = month === "01" ? Number(date.slice(0, 4)) - 1 : date.slice(0, 4);
      const tax = amount(`tax:${date}`, 2_300_000, 2_900_000);
      const rail = ach(`tax:${date}`, "ORIGINATION", "IRS", "USATAXPYMT");
      flow("tax", "WITHDRAWAL", tax, `Federal estimated tax ${q} ${year}`, rail);
    }
    if (quarterStart(date) && value("operating") > 1_400_000_000) {
      const excess = Math.floor((value("operating") - 1_000_000_000) / 10_000_000) * 10_000_000;
      transfer("operating", "strategic", excess);
    }
    if (month === "03" && dayOfMonth(date, 10)) {
      const capex = amount(`capex:${date}`, 3_000_000, 5_000_000);
      const rail = wire(`capex:${date}`, "Atlas Fleet Equipment Inc.", "Fleet equipment invoice");
      flow("strategic", "WITHDRAWAL", capex, "Equipment purchase", rail);
    }
    // Harborline Europe
    if (dayOfMonth(date, 5) || dayOfMonth(date, 20)) {
      const cents = amount(`eurc:${date}`, 600_000, 900_000);
      const rail = wire(`eurc:${date}`, "Harborline Europe B.V. (ING Bank)", "Receivables sweep");
      flow("euOperating", "DEPOSIT", cents, "Customer receipts", rail);
    }
    if (weeklyOn(date, 2)) {
      const pay = amount(`eupay:${date}`, 250_000, 400_000);
      const rail = wire(`eupay:${date}`, "Rotterdam Freight Partners B.V.", "Supplier invoices");
      flow("euOperating", "WITHDRAWAL", pay, "Supplier payments", rail);
    }
    if (quarterStart(date) && value("euOperating") > 350_000_000) {
      const excess = Math.floor((value("euOperating") - 250_000_000) / 10_000_000) * 10_000_000;
      transfer("euOperating", "euBuffer", excess);
    }
    return flows;
  };
}

/**
 * Seeds the ledger: `HISTORY_DAYS` of history ending today (the New York date at seed time), the
 * clock row, and the books' lots. Returns the first day (the pockets' opened_on).
 */
export async function seedLedger(tx: DbOrTx, pockets: SeedPocket[], today: string) {
  const start = addDays(today, -HISTORY_DAYS);
  const books = pockets.map((p) =>
    newBook({
      pocketId: p.id,
      depositStrategyId: p.depositStrategyId,
      reinvestmentStrategyId: p.reinvestmentStrategyId,
      openedOn: start,
    }),
  );
  const run = runDays(books, start, today, seedFlows(pockets, start));
  // Booked mid-afternoon New York time on the flow's day (19:00Z is 14:00 or 15:00 there).
  await writeRun(tx, books, run, {
    writeFlows: true,
    bookedAt: (f) => new Date(`${f.date}T19:00:00.000Z`),
  });
  await writeClock(tx, { seededOn: today, offsetDays: 0, processedThrough: today });
  return { start, flows: run.flows.length, trades: run.trades.length };
}
