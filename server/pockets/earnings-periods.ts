import "server-only";
import { inArray } from "drizzle-orm";
import { addDays, isBusinessDay } from "@/lib/jiko/business-days";
import { addMonths, monthEnd, monthStart } from "@/lib/months";
import { db } from "../db";
import { earningsCache } from "../db/schema";
import type { JikoClient } from "../jiko";
import { reserve } from "../jiko/pacer";
import { processWide } from "../process-wide";

/** One inclusive range of one pocket, asked of Jiko's earnings endpoint as `period=range`. */
export interface Period {
  pocketId: string;
  /** What the period is drawn as: "YYYY-MM" for a month, "YYYY-MM-DD" for a day. */
  label: string;
  from: string;
  to: string;
}

export const periodKey = (p: Pick<Period, "pocketId" | "from" | "to">) =>
  `${p.pocketId}|${p.from}|${p.to}`;

/** One period per month of [from, to] (the first and last ones partial), at most `months`. */
export function monthlyPeriods(
  pocketId: string,
  from: string,
  to: string,
  months = Number.POSITIVE_INFINITY,
): Period[] {
  const last = to.slice(0, 7);
  let month = from.slice(0, 7);
  if (Number.isFinite(months)) {
    const limit = addMonths(last, -(months - 1));
    if (month < limit) month = limit;
  }
  const periods: Period[] = [];
  for (; month <= last; month = addMonths(month, 1)) {
    const start = monthStart(month) < from ? from : monthStart(month);
    const end = monthEnd(month) > to ? to : monthEnd(month);
    if (start <= end) periods.push({ pocketId, label: month, from: start, to: end });
  }
  return periods;
}

/**
 * One period per business day of [from, to]. Each runs from the day after the previous business
 * day, so a weekend or holiday counts with the business day after it and the periods add up to
 * the whole range. Days before the first business day join it.
 */
export function dailyPeriods(pocketId: string, from: string, to: string): Period[] {
  const periods: Period[] = [];
  let start = from;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (!isBusinessDay(d)) continue;
    periods.push({ pocketId, label: d, from: start, to: d });
    start = addDays(d, 1);
  }
  const last = periods.at(-1);
  if (last && start <= to) last.to = to;
  if (!last && from <= to) periods.push({ pocketId, label: to, from, to });
  return periods;
}

/**
 * Periods still open (running to Jiko's current business day) change at most once a day: their
 * figures are reused for a minute, and for a few more when the budget is spent.
 */
const OPEN_FRESH_MS = 60_000;
const OPEN_STALE_MS = 10 * 60_000;
const recentOpen = processWide(
  "earnings:recent-open",
  () => new Map<string, { cents: number; at: number }>(),
);

/** Closed periods already known, from the dashboard's database (shared by every person). */
export async function cachedPeriods(pocketIds: string[]): Promise<Map<string, number>> {
  const ids = [...new Set(pocketIds)];
  const rows = ids.length
    ? await db().select().from(earningsCache).where(inArray(earningsCache.pocketId, ids))
    : [];
  return new Map(
    rows.map((c) => [periodKey({ pocketId: c.pocketId, from: c.dateFrom, to: c.dateTo }), c.cents]),
  );
}

/**
 * Calls under way per closed period, across every person of this process: two people of a team
 * (or a page and the background fill) never ask Jiko for the same month at once.
 */
const inFlight = processWide("earnings:closed-in-flight", () => new Map<string, Promise<number>>());

export const closedPeriodInFlight = (p: Period) => inFlight.has(periodKey(p));

/**
 * Asks Jiko once for a closed period and stores it for everyone. The row is written after the
 * call has answered: no transaction is open while Jiko is asked.
 */
export function fetchClosedPeriod(jiko: JikoClient, p: Period): Promise<number> {
  const key = periodKey(p);
  const pending = inFlight.get(key);
  if (pending) return pending;
  const call = (async () => {
    const e = await jiko.earnings(p.pocketId, {
      period: "range",
      date_from: p.from,
      date_to: p.to,
    });
    await db()
      .insert(earningsCache)
      .values({ pocketId: p.pocketId, dateFrom: p.from, dateTo: p.to, cents: e.earnings.value })
      .onConflictDoNothing();
    return e.earnings.value;
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, call);
  return call;
}

/**
 * Jiko's earnings for each period, keyed by `periodKey`. Periods that end before `asOf` (Jiko's
 * current business day) never change: they are cached in the app's database and asked for once.
 * The rest are paced under Jiko's limit, newest first, so a long history fills over a few
 * requests; periods not granted this time are absent from the answer.
 */
export async function periodEarnings(
  userId: string,
  jiko: JikoClient,
  periods: Period[],
  asOf: string,
): Promise<Map<string, number>> {
  const known = await cachedPeriods(periods.map((p) => p.pocketId));
  const now = Date.now();
  for (const p of periods) {
    const hit = recentOpen.get(periodKey(p));
    if (hit && now - hit.at < OPEN_FRESH_MS) known.set(periodKey(p), hit.cents);
  }
  const missing = periods
    .filter((p) => !known.has(periodKey(p)))
    .sort((a, b) => b.to.localeCompare(a.to));
  const granted = missing.slice(0, reserve(userId, "pockets", missing.length));
  // Out of budget: an open period's last figure beats a hole in the chart.
  for (const p of missing.slice(granted.length)) {
    const hit = recentOpen.get(periodKey(p));
    if (hit && now - hit.at < OPEN_STALE_MS) known.set(periodKey(p), hit.cents);
  }

  // A few at a time: Jiko is one service, and the pacer already bounds the total.
  for (let i = 0; i < granted.length; i += 4) {
    await Promise.all(
      granted.slice(i, i + 4).map(async (p) => {
        if (p.to < asOf) {
          known.set(periodKey(p), await fetchClosedPeriod(jiko, p));
          return;
        }
        const e = await jiko.earnings(p.pocketId, {
          period: "range",
          date_from: p.from,
          date_to: p.to,
        });
        known.set(periodKey(p), e.earnings.value);
        recentOpen.set(periodKey(p), { cents: e.earnings.value, at: Date.now() });
      }),
    );
  }
  return known;
}
