import { nyDate } from "@/lib/dates";
import { monthsBetween } from "@/lib/months";
import { guarded } from "@/server/api/guard";
import { allPockets } from "@/server/pockets/all-pockets";
import { balanceHistory } from "@/server/pockets/balance-history";
import { earningsSeries } from "@/server/pockets/earnings-series";
import { netFlowsByMonth } from "@/server/pockets/net-flows";

// GET /api/overview/history: earnings per month and month-end balances across the open pockets,
// filled over a few calls (Jiko's rate limits).
export const GET = guarded("overview:view", async ({ viewer }) => {
  const pockets = (await allPockets(viewer.jiko)).filter((p) => p.status !== "CLOSED");
  const series = await earningsSeries(viewer.userId, viewer.jiko, pockets);
  const live = pockets.find((p) => p.portfolio)?.portfolio?.pricing_timestamp;
  const today = nyDate(live ?? new Date().toISOString());
  // Flows are needed only as far back as the earnings are known: the walk stops there anyway.
  const months = monthsBetween(series.months[0]?.month ?? today.slice(0, 7), today.slice(0, 7));
  const flows = await netFlowsByMonth(
    viewer.userId,
    viewer.jiko,
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
  return Response.json({ ...series, balances }, { headers: { "cache-control": "no-store" } });
});
