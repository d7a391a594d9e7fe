/**
 * The T-bill engine, in memory and pure: one pocket's book (cash and lots) moves through one
 * calendar day at a time. The seed runs two years through it and the clock's catch-up runs the
 * days since the last one; `store.ts` loads books from the ledger and writes what a day produced.
 *
 * A business day, in order: (1) bills maturing on or before it pay their face to cash (MATURITY at
 * 100); (2) deposits credit cash; (3) each withdrawal sells the nearest-maturity lots at the day's
 * price until cash covers it, then debits it; (4) cash is invested: the day's deposits in bills of
 * the deposit strategy's term, the rest (maturity proceeds, leftovers) per the reinvestment
 * strategy (the deposit strategy when null). Bills bought on D mature on the business day on or
 * after D + term. Trades settle the day they are made (sandbox simplification of T+1).
 * Non-business days only take deposits (invested the next business day); the day's value uses
 * the last business day's prices.
 */
import {
  addDays,
  daysBetween,
  isBusinessDay,
  lastBusinessDayOnOrBefore,
  nextBusinessDayOnOrAfter,
} from "../../lib/jiko/business-days";
import { STRATEGY_TERMS_WEEKS, type StrategyId } from "../../lib/jiko/strategies";
import { discountRate } from "./curve";
import { billCusip } from "./cusip";
import { marketValueCents, priceMicros, UNIT_FACE_CENTS, unitsFor, unitsToRaise } from "./pricing";

export type FlowKind = "DEPOSIT" | "WITHDRAWAL";
export type TradeKind = "BUY" | "SELL" | "MATURITY";

export interface Lot {
  cusip: string;
  maturityDate: string;
  quantity: number;
  purchasePriceMicros: number;
  purchaseDate: string;
}

export interface Book {
  pocketId: string;
  depositStrategyId: string;
  reinvestmentStrategyId: string | null;
  openedOn: string;
  cash: number;
  /** Deposits not yet invested (they arrived on a non-business day). */
  pendingDeposit: number;
  lots: Lot[];
}

export interface Flow {
  pocketId: string;
  date: string;
  kind: FlowKind;
  amount: number;
  description: string;
  /** How the transactions list shows it (store.ts): the engine itself only needs the cash. */
  rail?: FlowRail;
  /** When the ledger booked it (on `date` in New York); the writer's default otherwise. */
  bookedAt?: Date;
}

/** A flow's rail and its own fields, as Transactions v2 shows them. */
export interface FlowRail {
  type: "ACH" | "WIRE" | "CARD" | "ON_US" | "FEE" | "CREDIT" | "GENERIC";
  /** Shared by both legs of an on-us transfer. */
  transactionId?: string;
  /** The ach_id, wire_id or on_us_id. */
  transferId?: string;
  details: Record<string, unknown>;
}

export interface Trade {
  pocketId: string;
  kind: TradeKind;
  cusip: string;
  maturityDate: string;
  quantity: number;
  priceMicros: number;
  amount: number;
  tradeDate: string;
  settlementDate: string;
}

export interface Eod {
  pocketId: string;
  date: string;
  cash: number;
  securities: number;
  total: number;
}

export class InsufficientFunds extends Error {}

/**
 * Trades are struck at 14:30Z on their trade date (09:30 New York in winter; the sandbox keeps one
 * time per day), and the engine runs a day at that moment: before it, the day has no trades.
 */
export const TRADE_TIME = "T14:30:00.000Z";

/**
 * The last day the engine has run by `now`, `today` being now's New York date: today once its
 * trades are struck, else yesterday. Nothing is booked ahead of the sandbox's now.
 */
export const lastRunDay = (today: string, now: Date): string =>
  now.getTime() >= Date.parse(`${today}${TRADE_TIME}`) ? today : addDays(today, -1);

export const termWeeks = (strategyId: string): number => {
  const weeks = STRATEGY_TERMS_WEEKS[strategyId as StrategyId];
  if (!weeks) throw new RangeError(`unknown trading strategy ${strategyId}`);
  return weeks;
};

/** The day's price of a bill: the curve of the pricing date at its days to maturity. */
export function billPrice(pricingDate: string, maturityDate: string): number {
  const days = daysBetween(pricingDate, maturityDate);
  return priceMicros(discountRate(pricingDate, days), days);
}

/**
 * Value of the lots on `date`, priced on the last business day on or before it. Lots of one
 * maturity (one CUSIP) are valued together, as the portfolio shows them, so rounding agrees.
 */
export function securitiesValue(
  lots: ReadonlyArray<Pick<Lot, "maturityDate" | "quantity">>,
  date: string,
): number {
  const pricing = lastBusinessDayOnOrBefore(date);
  const units = new Map<string, number>();
  for (const lot of lots)
    units.set(lot.maturityDate, (units.get(lot.maturityDate) ?? 0) + lot.quantity);
  let total = 0;
  for (const [maturity, quantity] of units) {
    if (quantity > 0) total += marketValueCents(quantity, billPrice(pricing, maturity));
  }
  return total;
}

export const eodOf = (book: Book, date: string): Eod => {
  const securities = securitiesValue(book.lots, date);
  return {
    pocketId: book.pocketId,
    date,
    cash: book.cash,
    securities,
    total: book.cash + securities,
  };
};

function buy(book: Book, date: string, strategyId: string, cash: number, trades: Trade[]) {
  const maturityDate = nextBusinessDayOnOrAfter(addDays(date, termWeeks(strategyId) * 7));
  const pm = billPrice(date, maturityDate);
  const quantity = unitsFor(cash, pm);
  if (quantity === 0) return;
  const amount = marketValueCents(quantity, pm);
  const cusip = billCusip(maturityDate);
  book.cash -= amount;
  book.lots.push({ cusip, maturityDate, quantity, purchasePriceMicros: pm, purchaseDate: date });
  trades.push({
    pocketId: book.pocketId,
    kind: "BUY",
    cusip,
    maturityDate,
    quantity,
    priceMicros: pm,
    amount,
    tradeDate: date,
    settlementDate: date,
  });
}

/** Nearest maturity first; among equals, the oldest purchase. */
const sellOrder = (a: Lot, b: Lot) =>
  a.maturityDate.localeCompare(b.maturityDate) || a.purchaseDate.localeCompare(b.purchaseDate);

function raiseCash(book: Book, date: string, need: number, trades: Trade[]) {
  book.lots.sort(sellOrder);
  for (const lot of book.lots) {
    if (book.cash >= need) break;
    const pm = billPrice(date, lot.maturityDate);
    const quantity = Math.min(lot.quantity, unitsToRaise(need - book.cash, pm));
    const amount = marketValueCents(quantity, pm);
    lot.quantity -= quantity;
    book.cash += amount;
    trades.push({
      pocketId: book.pocketId,
      kind: "SELL",
      cusip: lot.cusip,
      maturityDate: lot.maturityDate,
      quantity,
      priceMicros: pm,
      amount,
      tradeDate: date,
      settlementDate: date,
    });
  }
  book.lots = book.lots.filter((l) => l.quantity > 0);
}

/** Runs one calendar day of one pocket: mutates the book, returns the day's trades and EOD. */
export function runDay(
  book: Book,
  date: string,
  flows: readonly Flow[] = [],
): { trades: Trade[]; eod: Eod } {
  const trades: Trade[] = [];
  const business = isBusinessDay(date);
  if (business) {
    const matured = book.lots.filter((l) => l.maturityDate <= date);
    for (const lot of matured) {
      const amount = lot.quantity * UNIT_FACE_CENTS;
      book.cash += amount;
      trades.push({
        pocketId: book.pocketId,
        kind: "MATURITY",
        cusip: lot.cusip,
        maturityDate: lot.maturityDate,
        quantity: lot.quantity,
        priceMicros: 100_000_000,
        amount,
        tradeDate: date,
        settlementDate: date,
      });
    }
    if (matured.length) book.lots = book.lots.filter((l) => l.maturityDate > date);
  }
  for (const f of flows) {
    if (f.kind === "DEPOSIT") {
      book.cash += f.amount;
      book.pendingDeposit += f.amount;
    }
  }
  for (const f of flows) {
    if (f.kind !== "WITHDRAWAL") continue;
    if (book.cash < f.amount && business) raiseCash(book, date, f.amount, trades);
    if (book.cash < f.amount) {
      throw new InsufficientFunds(`pocket ${book.pocketId} cannot pay ${f.amount} on ${date}`);
    }
    book.cash -= f.amount;
    book.pendingDeposit = Math.min(book.pendingDeposit, book.cash);
  }
  if (business) {
    if (book.pendingDeposit > 0) {
      buy(book, date, book.depositStrategyId, Math.min(book.pendingDeposit, book.cash), trades);
      book.pendingDeposit = 0;
    }
    buy(book, date, book.reinvestmentStrategyId ?? book.depositStrategyId, book.cash, trades);
  }
  return { trades, eod: eodOf(book, date) };
}

export const newBook = (
  p: Pick<Book, "pocketId" | "depositStrategyId" | "reinvestmentStrategyId" | "openedOn">,
): Book => ({ ...p, cash: 0, pendingDeposit: 0, lots: [] });
