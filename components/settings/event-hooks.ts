"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend, lazySchemas } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { subscriptionPath } from "./hooks";

// A subscription's events show once one is chosen: these load with them, not with the page.

/** The answers' schemas load with the first answer (lib/api-client.ts). */
const schema = lazySchemas(() => import("./answers"));

/**
 * A subscription's events, newest first, a page at a time. While `waitFor` (a test event just
 * sent) has no delivery attempt yet, the first page is read again every second.
 */
export function useWebhookEvents(subscriptionId: string, waitFor: string | null) {
  return useInfiniteQuery({
    queryKey: queryKeys.webhookEvents(subscriptionId),
    queryFn: ({ pageParam }) =>
      apiGet(
        `/api/events?${new URLSearchParams({ subscription_id: subscriptionId, cursor: pageParam })}`,
        schema("EventList"),
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.next_page ?? undefined,
    refetchInterval: (q) => {
      if (!waitFor) return false;
      const seen = q.state.data?.pages
        .flatMap((p) => p.items)
        .find((i) => i.event.event_id === waitFor);
      return seen?.delivery_attempts.length ? false : 1000;
    },
  });
}

export function useSendTestEvent(subscriptionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend("POST", `${subscriptionPath(subscriptionId)}/test`, schema("Sent")),
    // No toast: the event shows in the list below, marked as just sent.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.webhookEvents(subscriptionId) });
    },
  });
}
