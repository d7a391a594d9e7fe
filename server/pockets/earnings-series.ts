import "server-only";
import { inArray } from "drizzle-orm";
import { addDays } from "@/lib/jiko/business-days";
import type { Pocket } from "@/lib/jiko/pockets";
import type { EarningsSeries } from "@/lib/overview";
import { db } from "../db";
import { earningsCache } from "../db/schema";
import type { JikoClient } from "../jiko";
import { reserve } from "../jiko/pacer";

interface Period {
  pocketId: string;
  month: string;
  from: string;
  to: string;
  closed: boolean;
}

const monthStart = (month: string) => `${month}-01`;
const nextMonth = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
};

/** One period per pocket and month, from the pocket's first day (or `months` back) to `asOf`. */
export function monthlyPeriods(
  pocketId: string,
  firstDay: string,
  asOf: string,
  months: number,
): Period[] {
  const current = asOf.slice(0, 7);
  let month = firstDay.slice(0, 7);
  const [y, m] = current.split("-").map(Number) as [number, number];
  const limit = new Date(Date.UTC(y, m - 1 - (months - 1), 1)).toISOString().slice(0, 7);
  if (month < limit) month = limit;
  const periods: Period[] = [];
  for (; month <= current; month = nextMonth(month)) {
    const from = month === firstDay.slice(0, 7) ? firstDay : monthStart(month);
    const closed = month < current;
    const to = closed ? addDays(monthStart(nextMonth(month)), -1) : asOf;
    if (from <= to) periods.push({ pocketId, month, from, to, closed });
  }
  return periods;
}

/** A pocket's first day and Jiko's as-of day, asked for at most once a minute per pocket. */
const spans = new Map<
  string,
  { at: number; span: Promise<{ date_from: string | null; date_to: string }> }
>();
function allTimeSpan(jiko: JikoClient, pocketId: string) {
  const hit = spans.get(pocketId);
  if (hit && Date.now() - hit.at < 60_000) return hit.span;
  const span = jiko.earnings(pocketId, { period: "all-time" });
  span.catch(() => spans.delete(pocketId));
  spans.set(pocketId, { at: Date.now(), span });
  return span;
}

/**
 * Earnings per month across pockets. Jiko returns only totals, so each month of each pocket is one
 * range call; closed months are cached (they never change) and calls are paced under Jiko's
 * limit: a long history fills over several requests, each reporting how far it got.
 */
export async function earningsSeries(
  userId: string,
  jiko: JikoClient,
  pockets: Pocket[],
  months = 24,
): Promise<EarningsSeries> {
  const allTime = await Promise.all(pockets.map((p) => allTimeSpan(jiko, p.id)));
  const periods = pockets.flatMap((p, i) => {
    const e = allTime[i]!;
    return e.date_from ? monthlyPeriods(p.id, e.date_from, e.date_to, months) : [];
  });

  const cached = periods.length
    ? await db()
        .select()
        .from(earningsCache)
        .where(inArray(earningsCache.pocketId, [...new Set(periods.map((p) => p.pocketId))]))
    : [];
  const known = new Map(cached.map((c) => [`${c.pocketId}|${c.dateFrom}|${c.dateTo}`, c.cents]));
  const key = (p: Period) => `${p.pocketId}|${p.from}|${p.to}`;
  // Newest months first, across pockets: the chart fills from the present backwards.
  const missing = periods
    .filter((p) => !known.has(key(p)))
    .sort((a, b) => b.month.localeCompare(a.month));
  const granted = missing.slice(0, reserve(userId, "pockets", missing.length));

  // A few at a time: Jiko is one service, and the pacer already bounds the total.
  for (let i = 0; i < granted.length; i += 4) {
    await Promise.all(
      granted.slice(i, i + 4).map(async (p) => {
        const e = await jiko.earnings(p.pocketId, {
          period: "range",
          date_from: p.from,
          date_to: p.to,
        });
        known.set(key(p), e.earnings.value);
        if (p.closed) {
          await db()
            .insert(earningsCache)
            .values({
              pocketId: p.pocketId,
              dateFrom: p.from,
              dateTo: p.to,
              cents: e.earnings.value,
            })
            .onConflictDoNothing();
        }
      }),
    );
  }

  // A month shows once every pocket's figure for it is in: never a partial sum.
  const byMonth = new Map<string, number | null>();
  for (const p of periods) {
    const cents = known.get(key(p));
    const sum = byMonth.get(p.month);
    byMonth.set(p.month, cents === undefined || sum === null ? null : (sum ?? 0) + cents);
  }
  const loaded = periods.filter((p) => known.has(key(p))).length;
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
