"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { NotificationFeedCheck } from "@/lib/shell-answers";

/** A safety net only: live updates invalidate ["notifications"] on every Jiko event. */
const REFETCH_MS = 30_000;

/** The feed, on every page: checked by hand, so zod does not load with it (lib/shell-answers.ts). */
export const useNotifications = () =>
  useQuery({
    queryKey: queryKeys.notificationList("all"),
    queryFn: () => apiGet("/api/notifications?status=all", NotificationFeedCheck),
    refetchInterval: REFETCH_MS,
  });
