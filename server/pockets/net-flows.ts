import "server-only";
import { and, inArray } from "drizzle-orm";
import { endOfDay, startOfDay } from "@/lib/dates";
import { signedCents } from "@/lib/jiko/transactions";
import { monthEnd, monthStart, nyMonth } from "@/lib/months";
import { db } from "../db";
import { netFlowsCache } from "../db/schema";
import type { JikoClient } from "../jiko";
import { reserve } from "../jiko/pacer";

/** Pages of 100 transactions one stretch may read per request; the rest waits for the next. */
const MAX_PAGES_PER_REQUEST = 10;

/**
 * Net cash flows into the given pockets per New York month (credits − debits of Jiko's
 * transactions), for `months` (ascending "YYYY-MM", the last one the current month). Closed months
 * come from the cache; the rest from newest-first listings over the pockets, paced like the
 * earnings history. Months no listing has covered yet are absent from the answer.
 */
export async function netFlowsByMonth(
  userId: string,
  jiko: JikoClient,
  pocketIds: string[],
  months: string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const current = months.at(-1);
  if (!current || !pocketIds.length) return out;

  const cached = await db()
    .select()
    .from(netFlowsCache)
    .where(and(inArray(netFlowsCache.pocketId, pocketIds), inArray(netFlowsCache.month, months)));
  const perMonth = new Map<string, { pockets: number; cents: number }>();
  for (const r of cached) {
    const m = perMonth.get(r.month) ?? { pockets: 0, cents: 0 };
    perMonth.set(r.month, { pockets: m.pockets + 1, cents: m.cents + r.cents });
  }
  const missing = months.filter(
    (m) => m === current || perMonth.get(m)?.pockets !== pocketIds.length,
  );
  for (const m of months) {
    if (!missing.includes(m)) out.set(m, perMonth.get(m)?.cents ?? 0);
  }
  for (const run of runs(missing, months)) {
    const { sums, complete } = await listRun(userId, jiko, pocketIds, run, current);
    const rows = complete
      .filter((m) => m < current)
      .flatMap((month) =>
        pocketIds.map((pocketId) => ({
          pocketId,
          month,
          cents: sums.get(`${pocketId}|${month}`) ?? 0,
        })),
      );
    if (rows.length) await db().insert(netFlowsCache).values(rows).onConflictDoNothing();
    for (const m of complete) {
      out.set(
        m,
        pocketIds.reduce((s, id) => s + (sums.get(`${id}|${m}`) ?? 0), 0),
      );
    }
  }
  return out;
}

/** Consecutive stretches of `missing` within `months`, newest stretch first. */
function runs(missing: string[], months: string[]): string[][] {
  const out: string[][] = [];
  for (const m of missing) {
    const last = out.at(-1);
    const prev = last?.at(-1);
    if (last && prev && months.indexOf(m) === months.indexOf(prev) + 1) last.push(m);
    else out.push([m]);
  }
  return out.reverse();
}

/**
 * One newest-first listing over a stretch of months (open-ended when it reaches the current
 * month). A month is complete once the listing has passed its start, or the listing ran out.
 */
async function listRun(
  userId: string,
  jiko: JikoClient,
  pocketIds: string[],
  run: string[],
  current: string,
) {
  const first = run[0] as string;
  const last = run.at(-1) as string;
  const sums = new Map<string, number>();
  let cursor: string | undefined;
  let reached = last;
  let exhausted = false;
  for (let page = 0; page < MAX_PAGES_PER_REQUEST; page++) {
    if (reserve(userId, "transactions", 1) === 0) break;
    const list = await jiko.transactions({
      "pocket[]": pocketIds,
      time_booked_from: startOfDay(monthStart(first)),
      ...(last !== current && { time_booked_to: endOfDay(monthEnd(last)) }),
      order: "desc",
      limit: 100,
      cursor,
    });
    for (const t of list.items) {
      const month = nyMonth(t.time_booked);
      const key = `${t.pocket_id}|${month}`;
      sums.set(key, (sums.get(key) ?? 0) + signedCents(t));
      if (month < reached) reached = month;
    }
    if (!list.next_page) {
      exhausted = true;
      break;
    }
    cursor = list.next_page;
  }
  return { sums, complete: run.filter((m) => exhausted || m > reached) };
}
