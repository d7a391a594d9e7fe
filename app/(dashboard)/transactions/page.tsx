import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { TransactionsView } from "@/components/transactions/transactions-view";
import { Forbidden } from "@/components/ui/forbidden";
import { nyDate } from "@/lib/dates";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import {
  parseTransactionFilters,
  TRANSACTIONS_PAGE_SIZE,
  toJikoQuery,
  transactionFiltersToSearch,
} from "@/lib/transaction-filters";
import { pocketListQuery } from "@/server/pockets/all-pockets";
import { firstPaintClient, throwIfJikoAway } from "@/server/section-state";
import { requireViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Transactions" };

export default async function TransactionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  if (!can(new Set(viewer.capabilities), "ledger:view"))
    return <Forbidden what="seeing transactions" />;
  const filters = parseTransactionFilters(await searchParams);
  // First paint: the first page for exactly the URL's filters, under the key the client uses.
  const queryClient = firstPaintClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery({
      queryKey: queryKeys.transactions(transactionFiltersToSearch(filters)),
      initialPageParam: null,
      queryFn: () =>
        viewer.jiko.transactions({
          ...toJikoQuery(filters, nyDate(new Date().toISOString())),
          limit: TRANSACTIONS_PAGE_SIZE,
        }),
    }),
    queryClient.prefetchQuery(pocketListQuery(viewer.jiko)),
  ]);

  throwIfJikoAway(queryClient);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Transactions</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Money in and out of {viewer.team.name}’s pockets at Jiko. T-bill purchases and maturities
          inside a pocket are trades, not transactions.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TransactionsView filters={filters} />
      </HydrationBoundary>
    </div>
  );
}
