import type { Metadata } from "next";
import { PocketsTable } from "@/components/pockets/pockets-table";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { can } from "@/lib/permissions";
import { pocketListQuery } from "@/server/pockets/all-pockets";
import { requireViewer } from "@/server/viewer";
import { StreamedSection } from "../../streamed-section";

export const metadata: Metadata = { title: "Pockets" };

export default async function PocketsPage() {
  const viewer = await requireViewer();
  const capabilities = new Set(viewer.capabilities);
  if (!can(capabilities, "overview:view")) return <Forbidden what="seeing pockets" />;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Pockets</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Each pocket is a bank account whose cash is invested in US Treasury bills as it arrives.
        </p>
      </div>
      <StreamedSection
        load={(client) => client.prefetchQuery(pocketListQuery(viewer.jiko))}
        fallback={<Skeleton className="h-80" />}
      >
        <PocketsTable canManage={can(capabilities, "pockets:manage")} />
      </StreamedSection>
    </div>
  );
}
