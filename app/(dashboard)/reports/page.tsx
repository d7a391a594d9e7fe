import type { Metadata } from "next";
import { ReportsView } from "@/components/reports/reports-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { pocketListQuery } from "@/server/pockets/all-pockets";
import { requireViewer } from "@/server/viewer";
import { StreamedSection } from "../streamed-section";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  const viewer = await requireViewer();
  const capabilities = new Set(viewer.capabilities);
  if (!can(capabilities, "documents:view")) return <Forbidden what="seeing reports" />;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Reports</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Files for accounting and treasury systems: camt.053 statements, trades, prices and
          positions. Jiko prepares each one; it is ready to download in a few moments.
        </p>
      </div>
      <StreamedSection
        load={(client) =>
          Promise.all([
            client.prefetchQuery({
              queryKey: queryKeys.reports(),
              queryFn: () => viewer.jiko.reportRequests({ limit: 50 }),
            }),
            client.prefetchQuery(pocketListQuery(viewer.jiko)),
          ])
        }
        fallback={<Skeleton className="h-96" />}
      >
        <ReportsView canCreate={can(capabilities, "reports:create")} />
      </StreamedSection>
    </div>
  );
}
