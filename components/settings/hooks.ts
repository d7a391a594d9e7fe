"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend, lazySchemas } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import type { CreateWebhookInput } from "@/lib/webhook-form";
import type { CreatedWebhook } from "@/lib/webhook-form-schemas";

/** The answers' schemas load with the first answer (lib/api-client.ts). */
const schema = lazySchemas(() => import("./answers"));

const path = (id: string) => `/api/subscriptions/${encodeURIComponent(id)}`;

export const useSubscriptions = () =>
  useQuery({
    queryKey: queryKeys.webhookSubscriptions(),
    queryFn: () => apiGet("/api/subscriptions", schema("SubscriptionItems")),
  });

export const useLiveStatus = () =>
  useQuery({
    queryKey: queryKeys.liveStatus(),
    queryFn: () => apiGet("/api/subscriptions/live-status", schema("LiveStatus")),
  });

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

/** Any change to subscriptions: the list and the live-updates mode are read again. */
function useSubscriptionChange<V, R>(change: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.webhookSubscriptions() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.liveStatus() });
    },
  });
}

/**
 * Subscribes a URL. The create dialog passes the answer's schema it already holds: the shared
 * secret is in this answer only, so checking it waits on no further download.
 */
export const useCreateSubscription = (answer: typeof CreatedWebhook) =>
  useSubscriptionChange((body: CreateWebhookInput) =>
    apiSend("POST", "/api/subscriptions", answer, body),
  );

export const useSetEnabled = () =>
  useSubscriptionChange(({ id, enabled }: { id: string; enabled: boolean }) =>
    apiSend("PATCH", path(id), schema("Updated"), { status: enabled ? "enabled" : "disabled" }),
  );

export const useDeleteSubscription = () =>
  useSubscriptionChange((id: string) => apiSend("DELETE", path(id), schema("Deleted")));

export function useSendTestEvent(subscriptionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend("POST", `${path(subscriptionId)}/test`, schema("Sent")),
    // No toast: the event shows in the list below, marked as just sent.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.webhookEvents(subscriptionId) });
    },
  });
}
