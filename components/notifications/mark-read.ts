"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { apiSend, lazySchemas } from "@/lib/api-client";
import type { CustomerNotification } from "@/lib/jiko/events";
import type { NotificationFeed } from "@/lib/notification-schemas";
import { queryKeys } from "@/lib/query-keys";

/** The marks' answers load their schemas when sent (lib/api-client.ts). */
const schema = lazySchemas(() => import("@/lib/notification-schemas"));

/**
 * Marks the bell's list at once (the person is already on their way to the page it opens), then
 * asks Jiko again whatever the answer; a refusal puts the list back and says so.
 */
function useMarkChange<V>(
  change: (v: V) => Promise<unknown>,
  mark: (feed: NotificationFeed, v: V) => NotificationFeed,
) {
  const queryClient = useQueryClient();
  const key = queryKeys.notificationList("all");
  return useMutation({
    mutationFn: change,
    onMutate: async (v: V) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.notifications() });
      const before = queryClient.getQueryData<NotificationFeed>(key);
      if (before) queryClient.setQueryData(key, mark(before, v));
      return { before };
    },
    onError: (error, _v, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
      toast.error(error.message);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications() }),
  });
}

export const useMarkRead = () =>
  useMarkChange(
    (n: CustomerNotification) =>
      apiSend("PATCH", `/api/notifications/${n.id}`, schema("CustomerNotification"), {
        status: "READ",
      }),
    (feed, n) => {
      const target = feed.items.find((i) => i.id === n.id);
      if (target?.status !== "UNREAD") return feed;
      return {
        ...feed,
        unread: Math.max(0, feed.unread - 1),
        items: feed.items.map((i) => (i.id === n.id ? { ...i, status: "READ" as const } : i)),
      };
    },
  );

export const useMarkAllRead = () =>
  useMarkChange(
    (_: undefined) => apiSend("POST", "/api/notifications/read-all", schema("MarkAllResult")),
    (feed) => ({
      ...feed,
      unread: 0,
      items: feed.items.map((i) => (i.status === "UNREAD" ? { ...i, status: "READ" as const } : i)),
    }),
  );
