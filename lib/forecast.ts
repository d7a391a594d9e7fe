/**
 * What the T-bills held today will earn over the coming days, from their prices and maturities.
 *
 * A bill priced on a discount yield d with t days left is worth face × (1 − d·t/360); if its yield
 * holds, the price climbs in a straight line to face at maturity. So over the next h days it earns
 * (face − market value) × min(h, t) / t. Cash returned at maturity and reinvested is not counted:
 * the forecast covers only bills already held, which is what is known today.
 */
import { addDays } from "./jiko/business-days";
import type { FixedIncomeSecurity } from "./jiko/pockets";

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Face value in cents: each unit of quantity is $100 of face (lib/jiko/pockets.ts). */
export const faceCents = (s: Pick<FixedIncomeSecurity, "quantity">) => s.quantity * 100 * 100;

/** Cents the bill will accrue in the `horizonDays` after `today` (whole cents, rounded down). */
export function accrualCents(
  bill: Pick<FixedIncomeSecurity, "quantity" | "market_value" | "maturity_date">,
  today: string,
  horizonDays: number,
): number {
  const left = daysBetween(today, bill.maturity_date);
  const toGo = faceCents(bill) - bill.market_value.value;
  if (left <= 0 || toGo <= 0) return 0;
  return Math.floor((toGo * Math.min(horizonDays, left)) / left);
}

export function forecastCents(
  bills: readonly FixedIncomeSecurity[],
  today: string,
  horizonDays: number,
): number {
  return bills.reduce((sum, b) => sum + accrualCents(b, today, horizonDays), 0);
}

/** Bills maturing within the next `days` days (today excluded), soonest first. */
export function maturingWithin<T extends Pick<FixedIncomeSecurity, "maturity_date">>(
  bills: readonly T[],
  today: string,
  days: number,
): T[] {
  const until = addDays(today, days);
  return bills
    .filter((b) => b.maturity_date > today && b.maturity_date <= until)
    .sort((a, b) => a.maturity_date.localeCompare(b.maturity_date));
}

export interface LadderRung {
  date: string;
  /** Face value coming back as cash that day (0 for today's row unless bills matured already). */
  maturingCents: number;
  /** Cash available once that day's bills have paid out: today's cash plus every face so far. */
  availableCents: number;
}

/**
 * A pocket's liquidity ladder: today's cash, then each maturity date adding the face value that
 * matures then. Bills past maturity but still listed count as cash today. The last rung is cash
 * plus the face value of every bill held.
 */
export function liquidityLadder(
  cashCents: number,
  bills: readonly Pick<FixedIncomeSecurity, "quantity" | "maturity_date">[],
  today: string,
): LadderRung[] {
  const byDate = new Map<string, number>();
  for (const b of bills) {
    const date = b.maturity_date > today ? b.maturity_date : today;
    byDate.set(date, (byDate.get(date) ?? 0) + faceCents(b));
  }
  byDate.set(today, byDate.get(today) ?? 0);
  let available = cashCents;
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, maturingCents]) => {
      available += maturingCents;
      return { date, maturingCents, availableCents: available };
    });
}
