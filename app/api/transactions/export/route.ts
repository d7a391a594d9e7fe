import { nyDate } from "@/lib/dates";
import { TransactionFilters, toJikoQuery, transactionFilterInput } from "@/lib/transaction-filters";
import { guarded, parse } from "@/server/api/guard";
import { filterTransactionCsv } from "@/server/transactions/csv-export";

// GET /api/transactions/export?<filters>: Jiko's CSV for exactly the filters on screen, streamed
// through as it arrives (never held whole in memory).
export const GET = guarded("ledger:view", async ({ req, viewer }) => {
  const filters = parse(TransactionFilters, transactionFilterInput(new URL(req.url).searchParams));
  const today = nyDate(new Date().toISOString());
  const query = toJikoQuery(filters, today);
  const upstream = await viewer.jiko.transactionsCsv(query);
  if (!upstream.body) throw new Error("Jiko sent an empty transactions.csv");
  return new Response(filterTransactionCsv(upstream.body, query), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="transactions-${today}.csv"`,
      "cache-control": "no-store",
    },
  });
});
