/**
 * T-bill pricing on a discount yield, actual/360, in integers so nothing drifts:
 *
 * - discount rate d in 0.001 % units (`D`, d = D / 100 000);
 * - price per 100 of face P = 100 × (1 − d × t / 360), rounded to 6 decimals, kept as micro-units
 *   `Pm` = P × 1e6 = 1e8 − round(25 × D × t / 9) (exact: the division by 9 never halves);
 * - market value of q units of $100 face = round(q × 10 000 cents × P / 100) = round(q × Pm / 1e4);
 * - yield to maturity (investment rate) = (100 − P) / P × 365 / t.
 */

export const UNIT_FACE_CENTS = 10_000; // one quantity unit = $100 of face

export function priceMicros(rate: number, days: number): number {
  if (days <= 0) return 100_000_000;
  return 100_000_000 - Math.round((25 * rate * days) / 9);
}

/** Cents, half up. q × Pm stays below 2^53 for any pocket under $900 billion. */
export function marketValueCents(quantity: number, pm: number): number {
  return Math.floor((quantity * pm + 5_000) / 10_000);
}

/** "98.938333" */
export const formatPrice = (pm: number) => (pm / 1e6).toFixed(6);

/** The investment rate as a fraction with 6 decimals, e.g. "0.043047". */
export function yieldToMaturity(pm: number, days: number): string {
  if (days <= 0) return "0.000000";
  return (((100_000_000 - pm) / pm) * (365 / days)).toFixed(6);
}

/** Units a cash amount buys: floor(cash / price of one unit); their cost never exceeds the cash. */
export function unitsFor(cashCents: number, pm: number): number {
  return cashCents <= 0 ? 0 : Math.floor((cashCents * 10_000) / pm);
}

/** Units to sell so that the proceeds cover `needCents`. */
export function unitsToRaise(needCents: number, pm: number): number {
  let q = Math.ceil((needCents * 10_000) / pm);
  while (q > 0 && marketValueCents(q - 1, pm) >= needCents) q--;
  while (marketValueCents(q, pm) < needCents) q++;
  return q;
}

/**
 * Accrual at a constant discount rate: a bill's price rises by 100 × d / 360 a day, so face F
 * accrues F × d / 360 a day. In cents per second.
 */
export function accrualPerSecond(faceCents: number, rate: number): number {
  return (faceCents * (rate / 100_000)) / 360 / 86_400;
}
