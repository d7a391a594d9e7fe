import "server-only";
import type { Pocket } from "@/lib/jiko/pockets";
import type { EarningsSeries } from "@/lib/overview";
import type { JikoClient } from "../jiko";
import { monthlyPeriods, periodEarnings, periodKey } from "./earnings-periods";

/** A pocket's first day and Jiko's as-of day, asked for at most once a minute per pocket. */
const spans = new Map<
  string,
  { at: number; span: Promise<{ date_from: string | null; date_to: string }> }
>();
export function allTimeSpan(jiko: JikoClient, pocketId: string) {
  const hit = spans.get(pocketId);
  if (hit && Date.now() - hit.at < 60_000) return hit.span;
  const span = jiko.earnings(pocketId, { period: "all-time" });
  span.catch(() => spans.delete(pocketId));
  spans.set(pocketId, { at: Date.now(), span });
  return span;
}

/**
 * Earnings per month across pockets, from the month the first pocket opened: the series adds up
 * to the pockets' all-time earnings, as the overview's cards show them. Jiko returns only totals,
 * so each month of each pocket is one range call; closed months are cached and calls paced
 * (earnings-periods.ts): a long history fills over several requests, each reporting how far it got.
 */
export async function earningsSeries(
  userId: string,
  jiko: JikoClient,
  pockets: Pocket[],
  months = Number.POSITIVE_INFINITY,
): Promise<EarningsSeries> {
  const allTime = await Promise.all(pockets.map((p) => allTimeSpan(jiko, p.id)));
  const periods = pockets.flatMap((p, i) => {
    const e = allTime[i]!;
    return e.date_from ? monthlyPeriods(p.id, e.date_from, e.date_to, months) : [];
  });
  const asOf =
    allTime
      .map((e) => e.date_to)
      .sort()
      .at(-1) ?? "";
  const known = await periodEarnings(userId, jiko, periods, asOf);

  // A month shows once every pocket's figure for it is in: never a partial sum.
  const byMonth = new Map<string, number | null>();
  for (const p of periods) {
    const cents = known.get(periodKey(p));
    const sum = byMonth.get(p.label);
    byMonth.set(p.label, cents === undefined || sum === null ? null : (sum ?? 0) + cents);
  }
  const loaded = periods.filter((p) => known.has(periodKey(p))).length;
  return {
    months: [...byMonth.entries()]
      .filter((e): e is [string, number] => e[1] !== null)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, cents]) => ({ month, cents })),
    loaded,
    needed: periods.length,
    complete: loaded === periods.length,
  };
}
