import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { TradesView } from "@/components/trades/trades-view";
import { Forbidden } from "@/components/ui/forbidden";
import { nyDate } from "@/lib/dates";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { parseTradeFilters, toTradeListQuery, tradeFiltersToSearch } from "@/lib/trade-filters";
import { pocketListQuery } from "@/server/pockets/all-pockets";
import { firstPaintClient, throwIfJikoAway } from "@/server/section-state";
import { requireViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Trades" };

export default async function TradesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  if (!can(new Set(viewer.capabilities), "ledger:view")) return <Forbidden what="seeing trades" />;
  const filters = parseTradeFilters(await searchParams);
  const queryClient = firstPaintClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery({
      queryKey: queryKeys.trades(tradeFiltersToSearch(filters)),
      initialPageParam: null,
      queryFn: () =>
        viewer.jiko.trades(toTradeListQuery(filters, nyDate(new Date().toISOString()))),
    }),
    queryClient.prefetchQuery(pocketListQuery(viewer.jiko)),
  ]);
  throwIfJikoAway(queryClient);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Trades</h1>
        <p className="text-ink-600 dark:text-ink-300">
          T-bills bought, sold and matured in {viewer.team.name}’s pockets. Confirmations come from
          Jiko when you open them and are never kept here.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TradesView filters={filters} />
      </HydrationBoundary>
    </div>
  );
}
