import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { AuditTabs } from "@/components/audit/audit-tabs";
import { AccessLogTab } from "@/components/audit/audit-views";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { ACCESS_PAGE_SIZE, accessLogKey } from "@/lib/access-log";
import { parseAuditFilters } from "@/lib/audit-filter-schemas";
import { AUDIT_PAGE_SIZE, auditFiltersToJiko } from "@/lib/audit-filters";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { listAccess } from "@/server/access-log/store";
import { requireViewer } from "@/server/viewer";
import { StreamedSection } from "../streamed-section";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  if (!can(new Set(viewer.capabilities), "audit:view"))
    return <Forbidden what="reading the audit log" />;
  const params = await searchParams;
  const reads = params.view === "reads";
  const filters = parseAuditFilters(params);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="text-ink-600 dark:text-ink-300">
          {reads
            ? `Who revealed account numbers or took data out of Treasury Desk for ${viewer.team.name}.`
            : `Every change to ${viewer.team.name} at Jiko: who, what, when, and the record before and after.`}
        </p>
      </div>
      <AuditTabs reads={reads} />
      {/* The first page of the tab shown follows the heading, under the key the client uses. */}
      {reads ? (
        <StreamedSection
          load={(client) =>
            client.prefetchInfiniteQuery({
              queryKey: accessLogKey(),
              initialPageParam: null,
              queryFn: () => listAccess(viewer.team.id, { limit: ACCESS_PAGE_SIZE }),
            })
          }
          fallback={<Skeleton className="h-96" />}
        >
          <AccessLogTab />
        </StreamedSection>
      ) : (
        <StreamedSection
          load={(client) =>
            Promise.all([
              client.prefetchInfiniteQuery({
                queryKey: queryKeys.auditLog(filters),
                initialPageParam: null,
                queryFn: () =>
                  viewer.jiko.auditLogs({ ...auditFiltersToJiko(filters), limit: AUDIT_PAGE_SIZE }),
              }),
              client.prefetchQuery({
                queryKey: queryKeys.team(),
                queryFn: () => viewer.jiko.team(),
              }),
            ])
          }
          fallback={<Skeleton className="h-96" />}
        >
          <AuditLog filters={filters} />
        </StreamedSection>
      )}
    </div>
  );
}
