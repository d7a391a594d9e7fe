/** Calendar months as "YYYY-MM", and the New York month of an instant. */
import { nyDate } from "./dates";

/** The New York month ("YYYY-MM") an instant falls in. */
export const nyMonth = (iso: string) => nyDate(iso).slice(0, 7);

export const monthStart = (month: string) => `${month}-01`;

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/** The last calendar day of a month, "YYYY-MM-DD". */
export const monthEnd = (month: string) =>
  new Date(Date.parse(`${addMonths(month, 1)}-01T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);

/** Every month from `from` through `to`, ascending. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}
