import { nyDate } from "@/lib/dates";
import { TradeFilters } from "@/lib/filter-schemas";
import { PageCursorQuery, pageCursorInput } from "@/lib/page-cursor";
import { toTradeListQuery, tradeFilterInput } from "@/lib/trade-filters";
import { guarded, parse } from "@/server/api/guard";

// GET /api/trades?<filters>&cursor: one page of Jiko's trades (v2) for the filters.
export const GET = guarded("ledger:view", async ({ req, viewer }) => {
  const params = new URL(req.url).searchParams;
  const filters = parse(TradeFilters, tradeFilterInput(params));
  const { cursor } = parse(PageCursorQuery, pageCursorInput(params));
  return Response.json(
    await viewer.jiko.trades({
      ...toTradeListQuery(filters, nyDate(new Date().toISOString())),
      cursor,
    }),
    { headers: { "cache-control": "no-store" } },
  );
});
