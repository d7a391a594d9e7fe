"use client";

import { Plus } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Deferred } from "@/components/ui/deferred";
import { FormError } from "@/components/ui/form-error";
import { EmptyMessage, QueryView } from "@/components/ui/query-view";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { stacked } from "@/components/ui/stacked-rows";
import { TableHead } from "@/components/ui/table-head";
import type { CreatedWebhook } from "@/lib/webhook-form";
import type { ListedSubscription } from "./answers";
import { useLiveStatus, useSetEnabled, useSubscriptions } from "./hooks";
import { LiveStatusSection } from "./live-status";

// A subscription's events load when one is chosen; dialogs (Radix, the subscription form) when
// first opened (see Deferred).
const SubscriptionEvents = lazy(() =>
  import("./subscription-events").then((m) => ({ default: m.SubscriptionEvents })),
);
const CreateSubscriptionDialog = lazy(() =>
  import("./create-subscription-dialog").then((m) => ({ default: m.CreateSubscriptionDialog })),
);
const SecretDialog = lazy(() =>
  import("./secret-dialog").then((m) => ({ default: m.SecretDialog })),
);
const DeleteSubscriptionDialog = lazy(() =>
  import("./delete-subscription-dialog").then((m) => ({ default: m.DeleteSubscriptionDialog })),
);

const cell = `py-2.5 pr-4 align-top ${stacked.cell}`;
const COLUMNS = [
  { label: "URL" },
  { label: "Events" },
  { label: "Status" },
  { label: "Actions", hidden: true },
];

function EnabledSwitch({ s }: { s: ListedSubscription }) {
  const set = useSetEnabled();
  const on = s.status === "enabled";
  // The switch's name stays "Enabled" (its state is aria-checked); the word beside it is the status.
  return (
    <>
      <span className="inline-flex items-center gap-2">
        <button
          type="button"
          role="switch"
          aria-checked={on}
          disabled={set.isPending}
          onClick={() => set.mutate({ id: s.id, enabled: !on })}
          className="rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60"
        >
          <span className="sr-only">Enabled: {s.url}</span>
          <span
            aria-hidden="true"
            className={`relative block h-5 w-9 rounded-full transition-colors ${on ? "bg-brand-600 dark:bg-brand-400" : "bg-ink-400 dark:bg-ink-500"}`}
          >
            <span
              className={`absolute top-0.5 size-4 rounded-full bg-white transition-all ${on ? "left-4.5" : "left-0.5"}`}
            />
          </span>
        </button>
        <span data-testid="subscription-status" className="text-sm">
          {on ? "Enabled" : "Disabled"}
        </span>
      </span>
      <FormError message={set.error?.message} />
    </>
  );
}

/** Webhook subscriptions: how live updates arrive, each subscription, and its deliveries. */
export function WebhooksView() {
  const subs = useSubscriptions();
  const live = useLiveStatus();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [deleting, setDeleting] = useState<ListedSubscription | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = subs.data?.items.find((s) => s.id === selectedId) ?? null;
  return (
    <div className="space-y-6">
      <LiveStatusSection />
      <Button onClick={() => setAdding(true)} disabled={!live.data}>
        <Plus aria-hidden="true" className="size-4" /> Add subscription
      </Button>
      <QueryView
        query={subs}
        what="Webhook subscriptions"
        skeleton={<Skeleton className="h-48" />}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyMessage>
            No webhook subscriptions yet. Add one to this dashboard so live updates arrive by
            webhook.
          </EmptyMessage>
        }
      >
        {(data) => (
          <ScrollRegion label="Webhook subscriptions">
            <table className={`w-full text-sm ${stacked.table}`}>
              <TableHead columns={COLUMNS} stacked />
              <tbody className={stacked.body}>
                {data.items.map((s) => (
                  <tr
                    key={s.id}
                    data-testid={`subscription-${s.id}`}
                    className={`border-b border-ink-100 last:border-0 dark:border-ink-800 ${stacked.row} ${s.id === selectedId ? "bg-brand-50 dark:bg-brand-950" : ""}`}
                  >
                    <th scope="row" className={`${cell} text-left font-normal ${stacked.wide}`}>
                      <span className="block font-mono text-xs break-all">{s.url}</span>
                      {s.description && <span className="block">{s.description}</span>}
                      {s.delivers_here && <Badge tone="brand">Delivers to this dashboard</Badge>}
                      {s.secret_unknown && (
                        <span className="block text-xs text-amber-800 dark:text-amber-200">
                          Points here, but was made elsewhere: its deliveries cannot be verified.
                        </span>
                      )}
                    </th>
                    <td
                      className={`${cell} ${stacked.labelled} ${stacked.wide}`}
                      data-label="Events"
                    >
                      <span className="font-mono text-xs break-all">{s.events.join(", ")}</span>
                    </td>
                    <td className={`${cell} ${stacked.labelled}`} data-label="Status">
                      <EnabledSwitch s={s} />
                    </td>
                    <td className={`py-2.5 align-top ${stacked.cell} ${stacked.wide}`}>
                      <div className="flex flex-wrap gap-2 sm:justify-end">
                        <Button
                          variant="secondary"
                          className="px-2.5 py-1 text-xs"
                          aria-pressed={s.id === selectedId}
                          onClick={() => setSelectedId(s.id === selectedId ? null : s.id)}
                        >
                          Deliveries<span className="sr-only"> to {s.url}</span>
                        </Button>
                        <Button
                          variant="secondary"
                          className="px-2.5 py-1 text-xs"
                          onClick={() => setDeleting(s)}
                        >
                          Delete<span className="sr-only"> subscription to {s.url}</span>
                        </Button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </QueryView>
      {selected && (
        <Suspense fallback={<Skeleton className="h-48" />}>
          <SubscriptionEvents key={selected.id} subscription={selected} />
        </Suspense>
      )}
      {live.data && (
        <Deferred when={adding}>
          <CreateSubscriptionDialog
            open={adding}
            onOpenChange={setAdding}
            ownUrl={live.data.webhookUrl}
            onCreated={setCreated}
          />
        </Deferred>
      )}
      <Deferred when={!!created}>
        {created && <SecretDialog created={created} onClose={() => setCreated(null)} />}
      </Deferred>
      <Deferred when={!!deleting}>
        {deleting && (
          <DeleteSubscriptionDialog
            subscription={deleting}
            onClose={() => {
              if (deleting.id === selectedId) setSelectedId(null);
              setDeleting(null);
            }}
          />
        )}
      </Deferred>
    </div>
  );
}
