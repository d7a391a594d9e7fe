import type { Metadata } from "next";
import { TransactionsView } from "@/components/transactions/transactions-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { nyDate } from "@/lib/dates";
import { parseTransactionFilters } from "@/lib/filter-schemas";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import {
  TRANSACTIONS_PAGE_SIZE,
  toJikoQuery,
  transactionFiltersToSearch,
} from "@/lib/transaction-filters";
import { pocketListQuery } from "@/server/pockets/all-pockets";
import { ownerOf, savedViewsQuery } from "@/server/saved-views/store";
import { requireViewer } from "@/server/viewer";
import { StreamedSection } from "../streamed-section";

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
  // The intro paints at once; the first page for exactly the URL's filters follows in the same
  // response, rendered on the server, under the key the client uses.
  const today = nyDate(new Date().toISOString());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Transactions</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Money in and out of {viewer.team.name}’s pockets at Jiko. T-bill purchases and maturities
          inside a pocket are trades, not transactions.
        </p>
      </div>
      <StreamedSection
        load={(client) =>
          Promise.all([
            client.prefetchInfiniteQuery({
              queryKey: queryKeys.transactions(transactionFiltersToSearch(filters)),
              initialPageParam: null,
              queryFn: () =>
                viewer.jiko.transactions({
                  ...toJikoQuery(filters, today),
                  limit: TRANSACTIONS_PAGE_SIZE,
                }),
            }),
            client.prefetchQuery(pocketListQuery(viewer.jiko)),
            client.prefetchQuery(savedViewsQuery(ownerOf(viewer), "transactions")),
          ])
        }
        fallback={<Skeleton className="h-[65vh]" />}
      >
        <TransactionsView filters={filters} />
      </StreamedSection>
    </div>
  );
}
