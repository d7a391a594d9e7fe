import "server-only";
import type { Pocket } from "@/lib/jiko/pockets";
import { monthEnd } from "@/lib/months";
import type { EarningsSeries } from "@/lib/overview";
import type { JikoClient } from "../jiko";
import { processWide } from "../process-wide";
import { cachedPeriods, monthlyPeriods, type Period, periodKey } from "./earnings-periods";
import { startHistoryFill } from "./history-fill";

/** A pocket's first day and Jiko's as-of day, asked for at most once a minute per pocket. */
const spans = processWide(
  "earnings:all-time-spans",
  () =>
    new Map<string, { at: number; span: Promise<{ date_from: string | null; date_to: string }> }>(),
);
export function allTimeSpan(jiko: JikoClient, pocketId: string) {
  const hit = spans.get(pocketId);
  if (hit && Date.now() - hit.at < 60_000) return hit.span;
  const span = jiko.earnings(pocketId, { period: "all-time" });
  span.catch(() => spans.delete(pocketId));
  spans.set(pocketId, { at: Date.now(), span });
  return span;
}

/** Every month of each pocket's life, and which of them are closed (end before Jiko's day). */
export async function historyPeriods(jiko: JikoClient, pocketIds: string[]) {
  const allTime = await Promise.all(pocketIds.map((id) => allTimeSpan(jiko, id)));
  const periods = pocketIds.flatMap((id, i) => {
    const e = allTime[i]!;
    return e.date_from ? monthlyPeriods(id, e.date_from, e.date_to) : [];
  });
  const asOf =
    allTime
      .map((e) => e.date_to)
      .sort()
      .at(-1) ?? "";
  return { periods, closed: periods.filter((p) => isClosed(p, asOf)), asOf };
}

/** A whole month before Jiko's current one: its figure never changes again. */
const isClosed = (p: Period, asOf: string) =>
  p.label < asOf.slice(0, 7) && p.to === monthEnd(p.label) && p.to < asOf;

/**
 * Earnings per month across pockets, from the month the first pocket opened. Closed months are
 * facts kept in the dashboard's database and filled in the background (history-fill.ts): reading
 * them makes no Jiko call. The open month is what the pocket's all-time figure (the one the cards
 * show) holds beyond its closed months, so the running total always ends on the cards' figure.
 */
export async function earningsSeries(
  userId: string,
  jiko: JikoClient,
  pockets: Pocket[],
): Promise<EarningsSeries> {
  const { periods, closed, asOf } = await historyPeriods(
    jiko,
    pockets.map((p) => p.id),
  );
  const known = await cachedPeriods(pockets.map((p) => p.id));
  if (closed.some((p) => !known.has(periodKey(p)))) await startHistoryFill(userId, jiko, closed);
  return seriesFrom(
    pockets.map((p) => ({ id: p.id, allTimeCents: p.portfolio?.all_time_earnings.value ?? 0 })),
    periods,
    asOf,
    known,
  );
}

/**
 * The series from what is known. Months show from the first one on, and only while every
 * pocket's figure is in: the running total of what is shown is always a true total to that month,
 * and once complete it equals the pockets' all-time earnings.
 */
export function seriesFrom(
  pockets: { id: string; allTimeCents: number }[],
  periods: Period[],
  asOf: string,
  known: ReadonlyMap<string, number>,
): EarningsSeries {
  const closed = periods.filter((p) => isClosed(p, asOf));
  const loaded = closed.filter((p) => known.has(periodKey(p))).length;
  const open = new Map<string, number>();
  for (const pocket of pockets) {
    const mine = closed.filter((p) => p.pocketId === pocket.id);
    if (mine.some((p) => !known.has(periodKey(p)))) continue;
    open.set(
      pocket.id,
      mine.reduce((s, p) => s - (known.get(periodKey(p)) ?? 0), pocket.allTimeCents),
    );
  }
  // The open cents go to each pocket's last month only: any other unclosed one stays unknown.
  const last = new Map(periods.map((p) => [p.pocketId, p]));
  const byMonth = new Map<string, number | null>();
  for (const p of periods) {
    const cents = isClosed(p, asOf)
      ? known.get(periodKey(p))
      : last.get(p.pocketId) === p
        ? open.get(p.pocketId)
        : undefined;
    const sum = byMonth.get(p.label);
    byMonth.set(p.label, cents === undefined || sum === null ? null : (sum ?? 0) + cents);
  }
  const months: { month: string; cents: number }[] = [];
  for (const [month, cents] of [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (cents === null) break;
    months.push({ month, cents });
  }
  return { months, loaded, needed: closed.length, complete: loaded === closed.length };
}
