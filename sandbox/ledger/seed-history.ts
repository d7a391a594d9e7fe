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
import { newYorkDate, writeClock } from "./clock";
import {
  type Book,
  type Flow,
  type FlowRail,
  lastRunDay,
  newBook,
  securitiesValue,
} from "./engine";
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

/**
 * How much everyday activity the seed books on Operating Reserve, per business day: about 3,000
 * transactions in all ("standard"), 10,000 ("medium") or a million ("large").
 */
export const SEED_SIZES = {
  standard: { cards: (date: string) => Math.floor(rand(`cards:${date}`) * 4), payouts: 1 },
  medium: { cards: () => 10, payouts: 10 },
  large: { cards: () => 1_000, payouts: 985 },
} as const;
export type SeedSize = keyof typeof SEED_SIZES;

const MERCHANTS = [
  "Amazon Web Services",
  "Delta Air Lines",
  "Staples",
  "FedEx",
  "Shell",
  "Uber",
  "Marriott",
  "Zoom",
  "Salesforce",
  "Home Depot",
  "Grainger",
  "United Airlines",
];
const CARDS = ["4417", "8823", "1290"].map((last4) => ({
  last4,
  id: stableId("card", last4),
}));

/** A booking time on `date` between 08:00 and 18:59 New York time, from a key. */
const bookedOn = (date: string, key: string) =>
  new Date(Date.parse(`${date}T13:00:00.000Z`) + Math.floor(rand(key) * 10 * 3_600_000));

export function seedFlows(pockets: SeedPocket[], start: string, size: SeedSize = "standard") {
  const id = Object.fromEntries(pockets.map((p) => [p.key, p.id])) as Record<SeedPocketKey, string>;
  const firstDay = nextBusinessDayOnOrAfter(start);
  return (date: string, books: Book[]): Flow[] => {
    if (!isBusinessDay(date)) return [];
    const flows: Flow[] = [];
    // The books do not move while the day's flows are drawn: value each pocket once.
    const values = new Map<SeedPocketKey, number>();
    const value = (key: SeedPocketKey) => {
      const known = values.get(key);
      if (known !== undefined) return known;
      const b = books.find((x) => x.pocketId === id[key]);
      const v = b ? b.cash + securitiesValue(b.lots, date) : 0;
      values.set(key, v);
      return v;
    };
    // What is already going out today, so two withdrawals never exceed the cap together.
    const out = new Map<SeedPocketKey, number>();
    const flow = (
      key: SeedPocketKey,
      kind: Flow["kind"],
      cents: number,
      description: string,
      rail: FlowRail,
      bookedAt?: Date,
    ) => {
      if (kind === "WITHDRAWAL") {
        const cap = Math.floor(value(key) * 0.9) - (out.get(key) ?? 0);
        cents = Math.min(cents, cap);
        out.set(key, (out.get(key) ?? 0) + Math.max(cents, 0));
      }
      if (cents > 0)
        flows.push({ pocketId: id[key], date, kind, amount: cents, description, rail, bookedAt });
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
      // The payroll provider pulls the run by ACH debit (a LINKED payee: nothing is pushed to it).
      const rail = ach(`payroll:${fri}`, "RECEIVING", "ADP, Inc.", "PAYROLL");
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
    // Everyday activity on Operating Reserve: card spend (now and then a refund) and the card
    // processor's daily payout, multiplied by the seed size.
    const bulk = size !== "standard";
    const cards = SEED_SIZES[size].cards(date);
    for (let i = 0; i < cards; i++) {
      const key = `card:${date}:${i}`;
      const card = CARDS[Math.floor(rand(`${key}:card`) * CARDS.length)]!;
      const merchant = MERCHANTS[Math.floor(rand(`${key}:m`) * MERCHANTS.length)]!;
      const refund = rand(`${key}:r`) < 0.04;
      const rail: FlowRail = {
        type: "CARD",
        transferId: stableId("card-tx", key),
        details: { card_id: card.id, merchant_name: merchant, card_last4: card.last4 },
      };
      const cents = amount(key, 12, bulk ? 300 : 4_800);
      const title = refund ? `Refund from ${merchant}` : merchant;
      flow("operating", refund ? "DEPOSIT" : "WITHDRAWAL", cents, title, rail, bookedOn(date, key));
    }
    const payouts = SEED_SIZES[size].payouts;
    for (let i = 0; i < payouts; i++) {
      const key = `payout:${date}:${i}`;
      const rail = ach(key, "RECEIVING", "STRIPE", "TRANSFER");
      const cents = bulk ? amount(key, 150, 420) : amount(key, 8_000, 30_000);
      flow("operating", "DEPOSIT", cents, "Stripe payout", rail, bookedOn(date, key));
    }
    // Jiko's advisory fee, monthly on every pocket; a fee credit each January.
    if (dayOfMonth(date, 1)) {
      for (const p of pockets) {
        const fee = Math.round((value(p.key) * 0.0012) / 12);
        const rail: FlowRail = { type: "FEE", details: { fee_type: "AUM_FEE" } };
        flow(p.key, "WITHDRAWAL", fee, "Advisory fee", rail);
        if (date.slice(5, 7) === "01" && p.key === "operating") {
          const credit: FlowRail = { type: "CREDIT", details: { reason: "Annual fee rebate" } };
          flow(p.key, "DEPOSIT", Math.round(fee / 2), "Fee rebate", credit);
        }
      }
    }
    // A returned vendor payment, booked as a ledger adjustment, twice a year.
    if (["02", "08"].includes(date.slice(5, 7)) && dayOfMonth(date, 12)) {
      const rail: FlowRail = { type: "GENERIC", details: {} };
      const cents = amount(`adj:${date}`, 1_000, 9_000);
      flow("operating", "DEPOSIT", cents, "Returned vendor payment", rail);
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
 * Seeds the ledger: `HISTORY_DAYS` of history ending at `now`, the clock row, and the books' lots.
 * The history stops at now: today runs only once its trades are struck (engine.ts `lastRunDay`),
 * and a flow of the last day is booked only when its time has passed (the rest of the day's
 * activity never happens). Runs and writes a month at a time, so a large seed never holds more
 * than a month of flows and trades in memory.
 */
export async function seedLedger(
  tx: DbOrTx,
  pockets: SeedPocket[],
  now: Date,
  size: SeedSize = "standard",
) {
  const today = newYorkDate(now);
  const through = lastRunDay(today, now);
  const start = addDays(today, -HISTORY_DAYS);
  const books = pockets.map((p) =>
    newBook({
      pocketId: p.id,
      depositStrategyId: p.depositStrategyId,
      reinvestmentStrategyId: p.reinvestmentStrategyId,
      openedOn: start,
    }),
  );
  const generate = seedFlows(pockets, start, size);
  const flowsOn = (date: string, open: Book[]) =>
    generate(date, open)
      // Booked mid-afternoon New York time on the flow's day (19:00Z is 14:00 or 15:00 there),
      // unless the flow carries its own time; both legs of a transfer share it.
      .map((f) => ({ ...f, bookedAt: f.bookedAt ?? new Date(`${f.date}T19:00:00.000Z`) }))
      .filter((f) => f.bookedAt <= now);
  let flows = 0;
  let trades = 0;
  for (let from = start; from <= through; ) {
    const monthEnd = addDays(`${addDays(`${from.slice(0, 7)}-28`, 4).slice(0, 7)}-01`, -1);
    const to = [monthEnd, through].sort()[0]!;
    const run = runDays(books, from, to, flowsOn);
    await writeRun(tx, books, run, { writeFlows: true });
    flows += run.flows.length;
    trades += run.trades.length;
    from = addDays(to, 1);
  }
  await writeClock(tx, { seededOn: today, offsetDays: 0, processedThrough: through });
  return { start, flows, trades };
}
