/** The overview's data as the route hands it to the browser: all money in integer cents. */
import { z } from "zod";
import { DecimalString, PocketStatus } from "./jiko/pockets";

const Cents = z.number().int();

export const Overview = z.object({
  /** The business day Jiko's figures run through. */
  asOf: z.iso.date(),
  totalCents: Cents,
  /** Value-weighted yield to maturity of all holdings, as a fraction. */
  currentYield: DecimalString,
  earnings: z.object({ mtd: Cents, ytd: Cents, allTime: Cents }),
  pockets: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      status: PocketStatus,
      strategyId: z.string(),
      valueCents: Cents,
      yield: DecimalString,
      allTimeCents: Cents,
    }),
  ),
  maturities: z.array(
    z.object({
      pocketId: z.uuid(),
      pocketName: z.string(),
      cusip: z.string(),
      maturityDate: z.iso.date(),
      faceCents: Cents,
      marketCents: Cents,
    }),
  ),
  forecast: z.object({ days30: Cents, days90: Cents }),
});
export type Overview = z.infer<typeof Overview>;

export const EarningsSeries = z.object({
  months: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), cents: Cents })),
  /** Periods known so far and needed in all: the history fills over a few requests. */
  loaded: z.number().int(),
  needed: z.number().int(),
  complete: z.boolean(),
});
export type EarningsSeries = z.infer<typeof EarningsSeries>;

/** The overview's history: earnings per month, and the balance at each month end and today. */
export const MonthlyHistory = EarningsSeries.extend({
  balances: z.array(z.object({ date: z.iso.date(), cents: Cents })),
});
export type MonthlyHistory = z.infer<typeof MonthlyHistory>;
