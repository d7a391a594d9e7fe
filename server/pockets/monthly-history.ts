import "server-only";
import { nyDate } from "@/lib/dates";
import { monthsBetween } from "@/lib/months";
import type { MonthlyHistory } from "@/lib/overview";
import type { JikoClient } from "../jiko";
import { allPockets } from "./all-pockets";
import { balanceHistory } from "./balance-history";
import { earningsSeries } from "./earnings-series";
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
