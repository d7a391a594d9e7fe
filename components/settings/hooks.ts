"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet, apiSend } from "@/lib/api-client";
import { EventList, Subscription } from "@/lib/jiko/events";
import { queryKeys } from "@/lib/query-keys";
import { CreatedWebhook, type CreateWebhookInput, LiveStatus } from "@/lib/webhook-form";

export const ListedSubscription = Subscription.extend({
  delivers_here: z.boolean(),
  secret_unknown: z.boolean(),
});
export type ListedSubscription = z.infer<typeof ListedSubscription>;
const SubscriptionItems = z.object({ items: z.array(ListedSubscription) });
const Updated = z.object({ subscription: Subscription, shared_secret: z.string().optional() });
const Sent = z.object({ event_id: z.string() });

const path = (id: string) => `/api/subscriptions/${encodeURIComponent(id)}`;

export const useSubscriptions = () =>
  useQuery({
    queryKey: queryKeys.webhookSubscriptions(),
    queryFn: () => apiGet("/api/subscriptions", SubscriptionItems),
  });

export const useLiveStatus = () =>
  useQuery({
    queryKey: queryKeys.liveStatus(),
    queryFn: () => apiGet("/api/subscriptions/live-status", LiveStatus),
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
        EventList,
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

export const useCreateSubscription = () =>
  useSubscriptionChange((body: CreateWebhookInput) =>
    apiSend("POST", "/api/subscriptions", CreatedWebhook, body),
  );

export const useSetEnabled = () =>
  useSubscriptionChange(({ id, enabled }: { id: string; enabled: boolean }) =>
    apiSend("PATCH", path(id), Updated, { status: enabled ? "enabled" : "disabled" }),
  );

export const useDeleteSubscription = () =>
  useSubscriptionChange((id: string) =>
    apiSend("DELETE", path(id), z.object({ deleted: z.string() })),
  );

export function useSendTestEvent(subscriptionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend("POST", `${path(subscriptionId)}/test`, Sent),
    // No toast: the event shows in the list below, marked as just sent.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.webhookEvents(subscriptionId) });
    },
  });
}
