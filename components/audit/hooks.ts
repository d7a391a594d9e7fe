"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ACCESS_PAGE_SIZE, accessLogKey } from "@/lib/access-log";
import { apiGet, lazySchemas } from "@/lib/api-client";
import { AUDIT_PAGE_SIZE, type AuditFilters, auditFiltersToSearch } from "@/lib/audit-filters";
import { queryKeys } from "@/lib/query-keys";

/** The answers' schemas load with the first answer (lib/api-client.ts). */
const schema = lazySchemas(() => import("./answers"));

/** The filtered audit log, page after page over Jiko's cursor. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.auditLog(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams(auditFiltersToSearch(filters));
      search.set("limit", String(AUDIT_PAGE_SIZE));
      if (pageParam) search.set("cursor", pageParam);
      return apiGet(`/api/audit-logs?${search}`, schema("AuditLogList"));
    },
    getNextPageParam: (last) => last.next_page,
  });
}

/** The team's sensitive reads in the dashboard, page after page, newest first. */
export function useAccessLog() {
  return useInfiniteQuery({
    queryKey: accessLogKey(),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams({ limit: String(ACCESS_PAGE_SIZE) });
      if (pageParam) search.set("cursor", pageParam);
      return apiGet(`/api/audit-logs/access?${search}`, schema("AccessLogPage"));
    },
    getNextPageParam: (last) => last.next_page,
  });
}
