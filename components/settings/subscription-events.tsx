"use client";

import { Send } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { EmptyMessage, QueryView } from "@/components/ui/query-view";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/lib/dates";
import type { DeliveryAttempt } from "@/lib/jiko/events";
import { TEST_EVENT } from "@/lib/webhook-form";
import type { ListedSubscription } from "./answers";
import { useSendTestEvent, useWebhookEvents } from "./event-hooks";

function Attempt({ a, n }: { a: DeliveryAttempt; n: number }) {
  return (
    <li
      data-testid="delivery-attempt"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1 text-xs"
    >
      <span className="text-ink-600 dark:text-ink-300">Attempt {n}</span>
      <span>{formatDateTime(a.called_at)}</span>
      <Badge tone={a.success ? "brand" : "danger"}>
        {a.success ? "Delivered" : "Failed"} ·{" "}
        {a.response_code === 0 ? "no answer" : a.response_code}
      </Badge>
      {a.latency_ms !== undefined && <span>{a.latency_ms} ms</span>}
      {a.response_message && (
        <span className="break-all text-ink-600 dark:text-ink-300">{a.response_message}</span>
      )}
    </li>
  );
}

/** One subscription's recent events, each with every delivery attempt, and a test button. */
export function SubscriptionEvents({ subscription }: { subscription: ListedSubscription }) {
  const [sent, setSent] = useState<string | null>(null);
  const events = useWebhookEvents(subscription.id, sent);
  const send = useSendTestEvent(subscription.id);
  const canTest = subscription.status === "enabled" && subscription.events.includes(TEST_EVENT);
  return (
    <section
      aria-labelledby="subscription-events-title"
      className="space-y-3 rounded-xl border border-ink-200 bg-white p-4 dark:border-ink-800 dark:bg-ink-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id="subscription-events-title" className="font-semibold">
            Recent events
          </h2>
          <p className="font-mono text-xs break-all text-ink-600 dark:text-ink-300">
            {subscription.url}
          </p>
        </div>
        <Button
          variant="secondary"
          disabled={send.isPending}
          onClick={() => send.mutate(undefined, { onSuccess: (r) => setSent(r.event_id) })}
        >
          <Send aria-hidden="true" className="size-4" />
          {send.isPending ? "Sending…" : "Send test event"}
        </Button>
      </div>
      {!canTest && (
        <p className="text-xs text-ink-600 dark:text-ink-300">
          A test reaches only an enabled subscription that receives {TEST_EVENT} events.
        </p>
      )}
      <FormError message={send.error?.message} />
      <QueryView
        query={{ ...events, data: events.data?.pages.flatMap((p) => p.items) }}
        what="Events"
        skeleton={<Skeleton className="h-32" />}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyMessage>No events for this subscription yet.</EmptyMessage>}
      >
        {(items) => (
          <ul className="divide-y divide-ink-100 dark:divide-ink-800">
            {items.map(({ event, delivery_attempts }) => (
              <li key={event.event_id} data-testid={`event-${event.event_id}`} className="py-2">
                <div className="flex flex-wrap items-baseline gap-x-3 text-sm">
                  <span className="font-mono font-medium break-all">{event.event_type}</span>
                  <span className="text-xs text-ink-600 dark:text-ink-300">
                    {formatDateTime(event.timestamp)}
                  </span>
                  {event.event_id === sent && <Badge>Test just sent</Badge>}
                </div>
                {delivery_attempts.length ? (
                  <ol aria-label="Delivery attempts">
                    {delivery_attempts.map((a, i) => (
                      <Attempt key={a.delivery_attempt_id} a={a} n={i + 1} />
                    ))}
                  </ol>
                ) : (
                  <p className="text-xs text-ink-600 dark:text-ink-300">No delivery attempt yet.</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      {events.hasNextPage && (
        <Button
          variant="secondary"
          disabled={events.isFetchingNextPage}
          onClick={() => void events.fetchNextPage()}
        >
          {events.isFetchingNextPage ? "Loading…" : "Older events"}
        </Button>
      )}
    </section>
  );
}
