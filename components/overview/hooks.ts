"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";
import { MonthlyHistory, Overview } from "@/lib/overview";
import { queryKeys } from "@/lib/query-keys";

export const useOverview = () =>
  useQuery({ queryKey: queryKeys.overview(), queryFn: () => apiGet("/api/overview", Overview) });

/** The history fills over a few requests (Jiko's rate limit); ask again until it is complete. */
export const useMonthlyHistory = () =>
  useQuery({
    queryKey: queryKeys.monthlyHistory(),
    queryFn: () => apiGet("/api/overview/history", MonthlyHistory),
    refetchInterval: (q) => (q.state.data && !q.state.data.complete ? 10_000 : false),
  });
