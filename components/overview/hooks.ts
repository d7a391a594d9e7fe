"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet, lazySchemas } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/** The answers' schemas load with the first answer (lib/api-client.ts). */
const schema = lazySchemas(() => import("@/lib/overview"));

export const useOverview = () =>
  useQuery({
    queryKey: queryKeys.overview(),
    queryFn: () => apiGet("/api/overview", schema("Overview")),
  });

/**
 * Closed months fill in the background on the server (Jiko's rate limit); reading the progress
 * costs no earnings call, so ask again every few seconds until it is complete. The overview's
 * server render usually sends the first answer with the page.
 */
export const useMonthlyHistory = () =>
  useQuery({
    queryKey: queryKeys.monthlyHistory(),
    queryFn: () => apiGet("/api/overview/history", schema("MonthlyHistory")),
    refetchInterval: (q) => (q.state.data && !q.state.data.complete ? 4_000 : false),
    // The page sends the history when it reads fast; when it did not, ask at once.
    retryDelay: (failures) => (failures === 0 ? 0 : Math.min(1_000 * 2 ** failures, 30_000)),
  });
