import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ReportsView } from "@/components/reports/reports-view";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { pocketListQuery } from "@/server/pockets/all-pockets";
import { firstPaintClient, throwIfJikoAway } from "@/server/section-state";
import { requireViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  const viewer = await requireViewer();
  const capabilities = new Set(viewer.capabilities);
  if (!can(capabilities, "documents:view")) return <Forbidden what="seeing reports" />;
  const queryClient = firstPaintClient();
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: queryKeys.reports(),
      queryFn: () => viewer.jiko.reportRequests({ limit: 50 }),
    }),
    queryClient.prefetchQuery(pocketListQuery(viewer.jiko)),
  ]);
  throwIfJikoAway(queryClient);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Reports</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Files for accounting and treasury systems: camt.053 statements, trades, prices and
          positions. Jiko prepares each one; it is ready to download in a few moments.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ReportsView canCreate={can(capabilities, "reports:create")} />
      </HydrationBoundary>
    </div>
  );
}
