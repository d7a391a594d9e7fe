import "server-only";
import { addMonths, monthEnd } from "@/lib/months";

export interface BalancePoint {
  /** A month end, or today for the last point. */
  date: string;
  cents: number;
}

/**
 * The balance at each month end, walked back from today's value: Jiko keeps no balance history,
 * so V(end of m − 1) = V(end of m) − earnings(m) − net flows(m), where the current month "ends"
 * today. The walk stops at the first month whose earnings or flows are not known yet.
 * INFERRED: today's value is Jiko's live total and the current month's earnings run through its
 * last business day; any accrual between the two shifts every point by that amount.
 */
export function balanceHistory(o: {
  today: string;
  todayCents: number;
  /** Ascending "YYYY-MM", the last one the current month. */
  months: string[];
  earnings: ReadonlyMap<string, number>;
  flows: ReadonlyMap<string, number>;
}): BalancePoint[] {
  const points: BalancePoint[] = [{ date: o.today, cents: o.todayCents }];
  let value = o.todayCents;
  for (let i = o.months.length - 1; i >= 0; i--) {
    const month = o.months[i] as string;
    const earned = o.earnings.get(month);
    const flowed = o.flows.get(month);
    if (earned === undefined || flowed === undefined) break;
    value -= earned + flowed;
    points.unshift({ date: monthEnd(addMonths(month, -1)), cents: value });
  }
  return points;
}
