import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { Forbidden } from "@/components/ui/forbidden";
import { AUDIT_PAGE_SIZE, auditFiltersToJiko, parseAuditFilters } from "@/lib/audit-filters";
import { can } from "@/lib/permissions";
import { makeQueryClient } from "@/lib/query-client";
import { queryKeys } from "@/lib/query-keys";
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
  const filters = parseAuditFilters(await searchParams);
  // First paint: the first page for exactly the URL's filters, under the key the client uses.
  const queryClient = makeQueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery({
      queryKey: queryKeys.auditLog(filters),
      initialPageParam: null,
      queryFn: () =>
        viewer.jiko.auditLogs({ ...auditFiltersToJiko(filters), limit: AUDIT_PAGE_SIZE }),
    }),
    queryClient.prefetchQuery({ queryKey: queryKeys.team(), queryFn: () => viewer.jiko.team() }),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Every change to {viewer.team.name} at Jiko: who, what, when, and the record before and
          after.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AuditLog filters={filters} />
      </HydrationBoundary>
    </div>
  );
}
