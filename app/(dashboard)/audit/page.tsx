import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { AccessLog } from "@/components/audit/access-log";
import { AuditLog } from "@/components/audit/audit-log";
import { AuditTabs } from "@/components/audit/audit-tabs";
import { Forbidden } from "@/components/ui/forbidden";
import { ACCESS_PAGE_SIZE, accessLogKey } from "@/lib/access-log";
import { AUDIT_PAGE_SIZE, auditFiltersToJiko, parseAuditFilters } from "@/lib/audit-filters";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { listAccess } from "@/server/access-log/store";
import { firstPaintClient, throwIfJikoAway } from "@/server/section-state";
import { requireViewer } from "@/server/viewer";

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
  // First paint: the first page of the tab shown, under the key the client uses.
  const queryClient = firstPaintClient();
  await Promise.all(
    reads
      ? [
          queryClient.prefetchInfiniteQuery({
            queryKey: accessLogKey(),
            initialPageParam: null,
            queryFn: () => listAccess(viewer.team.id, { limit: ACCESS_PAGE_SIZE }),
          }),
        ]
      : [
          queryClient.prefetchInfiniteQuery({
            queryKey: queryKeys.auditLog(filters),
            initialPageParam: null,
            queryFn: () =>
              viewer.jiko.auditLogs({ ...auditFiltersToJiko(filters), limit: AUDIT_PAGE_SIZE }),
          }),
          queryClient.prefetchQuery({
            queryKey: queryKeys.team(),
            queryFn: () => viewer.jiko.team(),
          }),
        ],
  );

  throwIfJikoAway(queryClient);
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
      <HydrationBoundary state={dehydrate(queryClient)}>
        {reads ? <AccessLog /> : <AuditLog filters={filters} />}
      </HydrationBoundary>
    </div>
  );
}
