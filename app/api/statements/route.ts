import { nyDate } from "@/lib/dates";
import { StatementFilters, statementFilterInput, toStatementQuery } from "@/lib/statement-filters";
import { guarded, parse } from "@/server/api/guard";

// GET /api/statements?year&month&type&pocket: the statements and tax forms for one year or month.
export const GET = guarded("documents:view", async ({ req, viewer }) => {
  const params = new URL(req.url).searchParams;
  const filters = parse(StatementFilters, statementFilterInput(params));
  return Response.json(
    await viewer.jiko.statements({
      ...toStatementQuery(filters, nyDate(new Date().toISOString()).slice(0, 4)),
      cursor: params.get("cursor") || undefined,
    }),
    { headers: { "cache-control": "no-store" } },
  );
});
