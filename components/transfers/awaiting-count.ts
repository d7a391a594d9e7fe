"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet, lazySchemas } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/**
 * How many transfer requests wait for this reviewer. The navigation shows it on every page, so it
 * lives apart from the transfers hooks.
 */
export const useAwaitingCount = (enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.awaitingCount(),
    queryFn: () =>
      apiGet(
        "/api/transfer-requests/awaiting-count",
        lazySchemas(() => import("./answers"))("AwaitingCount"),
      ),
    enabled,
    refetchInterval: 60_000,
  });
