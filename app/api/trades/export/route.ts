import { nyDate } from "@/lib/dates";
import { TradeFilters, toTradeCsvQuery, tradeFilterInput } from "@/lib/trade-filters";
import { guarded, parse } from "@/server/api/guard";

// GET /api/trades/export?<filters>: Jiko's trades.csv for the filters, streamed through.
export const GET = guarded("ledger:view", async ({ req, viewer }) => {
  const filters = parse(TradeFilters, tradeFilterInput(new URL(req.url).searchParams));
  const today = nyDate(new Date().toISOString());
  const upstream = await viewer.jiko.tradesCsv(toTradeCsvQuery(filters, today));
  return new Response(upstream.body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="trades-${today}.csv"`,
      "cache-control": "no-store",
    },
  });
});
