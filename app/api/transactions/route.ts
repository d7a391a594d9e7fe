import { nyDate } from "@/lib/dates";
import { TransactionFilters } from "@/lib/filter-schemas";
import { PageCursorQuery, pageCursorInput } from "@/lib/page-cursor";
import {
  TRANSACTIONS_PAGE_SIZE,
  toJikoQuery,
  transactionFilterInput,
} from "@/lib/transaction-filters";
import { guarded, parse } from "@/server/api/guard";

// GET /api/transactions?<filters>&cursor: one page of Jiko's transactions for the filters.
export const GET = guarded("ledger:view", async ({ req, viewer }) => {
  const params = new URL(req.url).searchParams;
  const filters = parse(TransactionFilters, transactionFilterInput(params));
  const { cursor } = parse(PageCursorQuery, pageCursorInput(params));
  return Response.json(
    await viewer.jiko.transactions({
      ...toJikoQuery(filters, nyDate(new Date().toISOString())),
      limit: TRANSACTIONS_PAGE_SIZE,
      cursor,
    }),
    { headers: { "cache-control": "no-store" } },
  );
});
