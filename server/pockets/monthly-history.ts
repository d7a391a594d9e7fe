import "server-only";
import { nyDate } from "@/lib/dates";
import { monthsBetween } from "@/lib/months";
import type { MonthlyHistory } from "@/lib/overview";
import type { JikoClient } from "../jiko";
import { log } from "../log";
import { allPockets } from "./all-pockets";
import { balanceHistory } from "./balance-history";
import { earningsSeries, historyPeriods } from "./earnings-series";
import { startHistoryFill } from "./history-fill";
import { netFlowsByMonth } from "./net-flows";

/**
 * The overview's history: earnings per month and month-end balances across the open pockets.
 * Closed months come from the dashboard's database (filled in the background); the read itself
 * asks Jiko only for the pockets, their spans and this month's flows.
 */
export async function monthlyHistory(userId: string, jiko: JikoClient): Promise<MonthlyHistory> {
  const pockets = (await allPockets(jiko)).filter((p) => p.status !== "CLOSED");
  const series = await earningsSeries(userId, jiko, pockets);
  const live = pockets.find((p) => p.portfolio)?.portfolio?.pricing_timestamp;
  const today = nyDate(live ?? new Date().toISOString());
  // Flows are needed only as far back as the earnings are known: the walk stops there anyway.
  const months = monthsBetween(series.months[0]?.month ?? today.slice(0, 7), today.slice(0, 7));
  const flows = await netFlowsByMonth(
    userId,
    jiko,
    pockets.map((p) => p.id),
    months,
  );
  const balances = balanceHistory({
    today,
    todayCents: pockets.reduce((s, p) => s + (p.portfolio?.total_value.value ?? 0), 0),
    months,
    earnings: new Map(series.months.map((m) => [m.month, m.cents])),
    flows,
  });
  return { ...series, balances };
}

/** Listings of flows one background fill may make before it leaves the rest to page reads. */
const FLOW_ROUNDS = 12;

/**
 * Starts filling the team's history as soon as a person signs in, with that person's background
 * share of Jiko's limit: closed months of earnings (history-fill.ts) and of net flows. Never
 * throws; a person who may not read pockets simply fills nothing.
 */
export async function prefillHistory(userId: string, jiko: JikoClient): Promise<void> {
  try {
    const pockets = (await allPockets(jiko)).filter((p) => p.status !== "CLOSED");
    const ids = pockets.map((p) => p.id);
    const { periods, closed, asOf } = await historyPeriods(jiko, ids);
    const { done } = await startHistoryFill(userId, jiko, closed);
    const first = periods.map((p) => p.label).sort()[0];
    if (first && asOf) {
      const months = monthsBetween(first, asOf.slice(0, 7));
      for (let round = 0; round < FLOW_ROUNDS; round++) {
        const flows = await netFlowsByMonth(userId, jiko, ids, months);
        if (flows.size === months.length) break;
        await new Promise((r) => setTimeout(r, 5_000));
      }
    }
    await done;
  } catch (error) {
    log.info({ userId, err: String(error) }, "history prefill stopped");
  }
}
