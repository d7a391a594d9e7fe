"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { AwaitingCountCheck } from "@/lib/shell-answers";

/**
 * How many transfer requests wait for this reviewer. The navigation shows it on every page, so it
 * lives apart from the transfers hooks, and its answer is checked by hand (lib/shell-answers.ts).
 */
export const useAwaitingCount = (enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.awaitingCount(),
    queryFn: () => apiGet("/api/transfer-requests/awaiting-count", AwaitingCountCheck),
    enabled,
    refetchInterval: 60_000,
  });
