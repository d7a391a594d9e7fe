import type { Metadata } from "next";
import { TradesView } from "@/components/trades/trades-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { nyDate } from "@/lib/dates";
import { parseTradeFilters } from "@/lib/filter-schemas";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { toTradeListQuery, tradeFiltersToSearch } from "@/lib/trade-filters";
import { pocketListQuery } from "@/server/pockets/all-pockets";
import { requireViewer } from "@/server/viewer";
import { StreamedSection } from "../streamed-section";

export const metadata: Metadata = { title: "Trades" };

export default async function TradesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  if (!can(new Set(viewer.capabilities), "ledger:view")) return <Forbidden what="seeing trades" />;
  const filters = parseTradeFilters(await searchParams);
  const today = nyDate(new Date().toISOString());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Trades</h1>
        <p className="text-ink-600 dark:text-ink-300">
          T-bills bought, sold and matured in {viewer.team.name}’s pockets. Confirmations come from
          Jiko when you open them and are never kept here.
        </p>
      </div>
      {/* The intro paints at once; the first page for the URL's filters follows. */}
      <StreamedSection
        load={(client) =>
          Promise.all([
            client.prefetchInfiniteQuery({
              queryKey: queryKeys.trades(tradeFiltersToSearch(filters)),
              initialPageParam: null,
              queryFn: () => viewer.jiko.trades(toTradeListQuery(filters, today)),
            }),
            client.prefetchQuery(pocketListQuery(viewer.jiko)),
          ])
        }
        fallback={<Skeleton className="h-[65vh]" />}
      >
        <TradesView filters={filters} />
      </StreamedSection>
    </div>
  );
}
