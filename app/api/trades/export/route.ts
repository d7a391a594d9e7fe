import { nyDate } from "@/lib/dates";
import { TradeFilters } from "@/lib/filter-schemas";
import { toTradeCsvQuery, tradeFilterInput } from "@/lib/trade-filters";
import { recordAccess } from "@/server/access-log/store";
import { guarded, parse } from "@/server/api/guard";
import { tradesExport } from "@/server/downloads/exports";

// GET /api/trades/export?<filters>: Jiko's trades.csv for the filters, streamed through the
// formula guard.
export const GET = guarded("ledger:view", async ({ req, viewer }) => {
  const filters = parse(TradeFilters, tradeFilterInput(new URL(req.url).searchParams));
  const today = nyDate(new Date().toISOString());
  await recordAccess(viewer, "trades.exported");
  return tradesExport(viewer.jiko, toTradeCsvQuery(filters, today), today);
});
