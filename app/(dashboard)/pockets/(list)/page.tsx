import type { QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { PocketsTable } from "@/components/pockets/pockets-table";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { pocketListQuery } from "@/server/pockets/all-pockets";
import { availableToSend } from "@/server/transfers/new-transfer";
import { requireViewer } from "@/server/viewer";
import { prefetchAfter, SEND_PENDING, StreamedSection } from "../../streamed-section";

export const metadata: Metadata = { title: "Pockets" };

export default async function PocketsPage() {
  const viewer = await requireViewer();
  const capabilities = new Set(viewer.capabilities);
  if (!can(capabilities, "overview:view")) return <Forbidden what="seeing pockets" />;

  // The table paints with the pockets. What is available to send and the strategies the
  // open-a-pocket dialog offers are read once the pockets are in (never competing with them for
  // Jiko) and follow in the same response, so the browser makes neither request itself.
  const load = async (client: QueryClient) => {
    const pockets = client.prefetchQuery(pocketListQuery(viewer.jiko));
    if (can(capabilities, "transfers:view"))
      prefetchAfter(client, pockets, {
        queryKey: queryKeys.available(),
        queryFn: () => availableToSend(viewer),
      });
    prefetchAfter(client, pockets, {
      queryKey: queryKeys.strategies(),
      queryFn: () => viewer.jiko.tradingStrategies(),
    });
    await pockets;
  };
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Pockets</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Each pocket is a bank account whose cash is invested in US Treasury bills as it arrives.
        </p>
      </div>
      <StreamedSection
        load={load}
        dehydrate={SEND_PENDING}
        fallback={<Skeleton className="h-80" />}
      >
        <PocketsTable canManage={can(capabilities, "pockets:manage")} />
      </StreamedSection>
    </div>
  );
}
