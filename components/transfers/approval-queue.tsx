"use client";

import { lazy, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Deferred } from "@/components/ui/deferred";
import { EmptyMessage, QueryView } from "@/components/ui/query-view";
import { Skeleton } from "@/components/ui/skeleton";
import { QUEUE_PAGE, type ReviewItem } from "@/lib/transfers/review";
import { dropDenyDraft, readDenyDraft } from "./deny-draft";
import { useReviewQueue } from "./hooks";
import { ReviewCard } from "./review-card";

// The confirmation (Radix's dialog) loads when a decision is first started (see Deferred).
const DecisionDialog = lazy(() =>
  import("./decision-dialog").then((m) => ({ default: m.DecisionDialog })),
);

type Open = {
  item: ReviewItem;
  decision: "APPROVED" | "DENIED";
  /** A denial's reason brought back from the tab (./deny-draft.ts). */
  restoredReason?: string;
} | null;

/**
 * The requests awaiting my decision, oldest first, each with what a careful approver needs. The
 * keyboard works the queue: j and k move between requests, a approves, d denies (each behind its
 * confirmation). A denial the person was writing when their session ended opens again, with its
 * reason, once the queue is back; `owner` is their membership.
 */
export function ApprovalQueue({ owner }: { owner: string }) {
  // A queue of hundreds comes and paints 50 cards at a time: "Show more" asks for a longer head.
  const [shown, setShown] = useState(QUEUE_PAGE);
  const queue = useReviewQueue(shown);
  const [open, setOpen] = useState<Open>(null);
  const list = useRef<HTMLOListElement>(null);
  const draftLooked = useRef(false);

  // Once, when the queue is first in (the draft lives only in this tab, after the first render).
  useEffect(() => {
    if (draftLooked.current || !queue.data) return;
    draftLooked.current = true;
    const draft = readDenyDraft(owner);
    if (!draft) return;
    const item = queue.data.items.find((i) => i.request.id === draft.requestId);
    if (item && !item.blocked) setOpen({ item, decision: "DENIED", restoredReason: draft.reason });
    // Decided meanwhile (the denial went through before the session ended), or no longer the
    // person's to decide. One beyond the cards shown is kept for when it is.
    else if (item || queue.data.total <= queue.data.items.length) dropDenyDraft();
  }, [queue.data, owner]);

  const cards = () => [...(list.current?.querySelectorAll<HTMLElement>("[data-review]") ?? [])];
  const onKeyDown = (e: React.KeyboardEvent, items: ReviewItem[]) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const all = cards();
    const at = all.findIndex(
      (c) => c === document.activeElement || c.contains(document.activeElement),
    );
    if (e.key === "j" || e.key === "k") {
      e.preventDefault();
      const next = e.key === "j" ? Math.min(at + 1, all.length - 1) : Math.max(at - 1, 0);
      all[next]?.focus();
    } else if ((e.key === "a" || e.key === "d") && at >= 0) {
      e.preventDefault();
      const item = items[at];
      if (item && !item.blocked) setOpen({ item, decision: e.key === "a" ? "APPROVED" : "DENIED" });
    }
  };

  return (
    <QueryView
      query={queue}
      what="The approval queue"
      skeleton={<Skeleton className="h-96" />}
      isEmpty={(d) => d.items.length === 0}
      empty={<EmptyMessage>Nothing awaits your decision.</EmptyMessage>}
    >
      {(data) => (
        <div className="space-y-3">
          <p className="text-sm text-ink-600 dark:text-ink-300" aria-live="polite">
            {data.total} awaiting your decision, oldest first. Keys: j and k move, a approves, d
            denies.
          </p>
          <ol
            ref={list}
            className="space-y-4"
            onKeyDown={(e) => onKeyDown(e, data.items)}
            aria-label="Requests awaiting your decision"
          >
            {data.items.map((item) => (
              <ReviewCard
                key={item.request.id}
                item={item}
                onDecide={(decision) => setOpen({ item, decision })}
              />
            ))}
          </ol>
          {data.total > data.items.length && (
            <Button
              variant="secondary"
              // Not disabled while loading: a disabled button would drop the keyboard's focus.
              aria-disabled={queue.isPlaceholderData}
              onClick={() => {
                if (!queue.isPlaceholderData) setShown(data.items.length + QUEUE_PAGE);
              }}
            >
              {queue.isPlaceholderData
                ? "Loading more requests…"
                : `Show ${Math.min(QUEUE_PAGE, data.total - data.items.length)} more (${data.total - data.items.length} not shown)`}
            </Button>
          )}
          <Deferred when={!!open}>
            {open && (
              <DecisionDialog
                item={open.item}
                decision={open.decision}
                owner={owner}
                restoredReason={open.restoredReason}
                onClose={() => {
                  const index = data.items.findIndex((i) => i.request.id === open.item.request.id);
                  setOpen(null);
                  // Focus stays at this place in the queue: the next request once this one is gone.
                  requestAnimationFrame(() => cards()[index]?.focus());
                }}
              />
            )}
          </Deferred>
        </div>
      )}
    </QueryView>
  );
}
