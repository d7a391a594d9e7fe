import { nyDate } from "@/lib/dates";
import { StatementFilters } from "@/lib/filter-schemas";
import { PageCursorQuery, pageCursorInput } from "@/lib/page-cursor";
import { statementFilterInput, toStatementQuery } from "@/lib/statement-filters";
import { guarded, parse } from "@/server/api/guard";
import { statementsForBrowser } from "@/server/downloads/statements";

// GET /api/statements?year&month&type&pocket: the statements and tax forms for one year or month,
// without their signed links (the download route fetches a fresh one).
export const GET = guarded("documents:view", async ({ req, viewer }) => {
  const params = new URL(req.url).searchParams;
  const filters = parse(StatementFilters, statementFilterInput(params));
  const { cursor } = parse(PageCursorQuery, pageCursorInput(params));
  return Response.json(
    await statementsForBrowser(viewer.jiko, {
      ...toStatementQuery(filters, nyDate(new Date().toISOString()).slice(0, 4)),
      cursor,
    }),
    { headers: { "cache-control": "no-store" } },
  );
});
