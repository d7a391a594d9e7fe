"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet, lazySchemas } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/**
 * The customer's pockets. The ledger, statements, reports and transfers pages name pockets with
 * it, so it lives apart from the pocket pages' other hooks, which those pages need not load.
 */
export const usePockets = () =>
  useQuery({
    queryKey: queryKeys.pockets(),
    queryFn: () => apiGet("/api/pockets", lazySchemas(() => import("./answers"))("PocketList")),
  });
