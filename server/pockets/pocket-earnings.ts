import "server-only";
import { daysBetween } from "@/lib/jiko/business-days";
import type { EarningsParams, PocketEarnings } from "@/lib/pocket-schemas";
import { DAILY_GRAIN_MAX_DAYS } from "@/lib/pockets";
import type { JikoClient } from "../jiko";
import { dailyPeriods, monthlyPeriods, periodEarnings, periodKey } from "./earnings-periods";
import { allTimeSpan } from "./earnings-series";

/** Jiko's total for the period, and the period cut into days or months (earnings-periods.ts). */
export async function pocketEarnings(
  userId: string,
  jiko: JikoClient,
  pocketId: string,
  q: EarningsParams,
): Promise<PocketEarnings> {
  const [total, span] = await Promise.all([
    jiko.earnings(pocketId, {
      period: q.period,
      ...(q.period === "range" ? { date_from: q.from, date_to: q.to } : {}),
    }),
    allTimeSpan(jiko, pocketId),
  ]);
  const from = total.date_from;
  const to = total.date_to;
  const grain = from && daysBetween(from, to) <= DAILY_GRAIN_MAX_DAYS ? "day" : "month";
  const periods =
    from && from <= to
      ? grain === "day"
        ? dailyPeriods(pocketId, from, to)
        : monthlyPeriods(pocketId, from, to)
      : [];
  const known = await periodEarnings(userId, jiko, periods, span.date_to);
  const points = periods.map((p) => ({
    label: p.label,
    from: p.from,
    to: p.to,
    cents: known.get(periodKey(p)) ?? null,
  }));
  return {
    dateFrom: from,
    dateTo: to,
    totalCents: total.earnings.value,
    grain,
    points,
    complete: points.every((p) => p.cents !== null),
  };
}
