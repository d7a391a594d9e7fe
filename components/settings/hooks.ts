"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend, lazySchemas } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import type { CreateWebhookInput } from "@/lib/webhook-form";
import type { CreatedWebhook } from "@/lib/webhook-form-schemas";

/** The answers' schemas load with the first answer (lib/api-client.ts). */
const schema = lazySchemas(() => import("./answers"));

export const subscriptionPath = (id: string) => `/api/subscriptions/${encodeURIComponent(id)}`;

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
    apiSend("PATCH", subscriptionPath(id), schema("Updated"), {
      status: enabled ? "enabled" : "disabled",
    }),
  );

export const useDeleteSubscription = () =>
  useSubscriptionChange((id: string) => apiSend("DELETE", subscriptionPath(id), schema("Deleted")));
