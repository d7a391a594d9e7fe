import { nyDate } from "@/lib/dates";
import { TransactionFilters } from "@/lib/filter-schemas";
import { toJikoQuery, transactionFilterInput } from "@/lib/transaction-filters";
import { recordAccess } from "@/server/access-log/store";
import { guarded, parse } from "@/server/api/guard";
import { transactionsExport } from "@/server/downloads/exports";

// GET /api/transactions/export?<filters>: Jiko's CSV for exactly the filters on screen, streamed
// through the formula guard as it arrives (never held whole in memory).
export const GET = guarded("ledger:view", async ({ req, viewer }) => {
  const filters = parse(TransactionFilters, transactionFilterInput(new URL(req.url).searchParams));
  const today = nyDate(new Date().toISOString());
  await recordAccess(viewer, "transactions.exported");
  return transactionsExport(viewer.jiko, toJikoQuery(filters, today), today);
});
