"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDate, formatDateTime } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import type { ReviewItem } from "@/lib/transfers/review";

const HOUR = 3_600_000;
function age(fromIso: string, now: number): string {
  const h = Math.max(0, Math.round((now - Date.parse(fromIso)) / HOUR));
  return h < 1 ? "less than an hour" : h < 48 ? `${h} h` : `${Math.round(h / 24)} days`;
}

/** One request as an approver weighs it: the money, the pocket, the bills, the payee, the clock. */
export function ReviewCard({
  item,
  onDecide,
}: {
  item: ReviewItem;
  onDecide: (decision: "APPROVED" | "DENIED") => void;
}) {
  const r = item.request;
  const now = Date.now();
  const h = item.history;
  const amount = formatCents(item.amountCents);
  return (
    <li
      data-review
      data-id={r.id}
      tabIndex={-1}
      aria-label={`${amount} from ${item.pocket.name} to ${item.payee.name}, requested by ${r.created_by.name}`}
      // Cards out of view skip layout and paint until scrolled near (content-visibility): a
      // queue of 50 lays out the two or three on screen first. Their content stays in the
      // document, found by the keyboard, find-in-page and screen readers.
      className="rounded-xl border border-ink-200 bg-white p-4 outline-none [contain-intrinsic-size:auto_15rem] [content-visibility:auto] focus-visible:ring-2 focus-visible:ring-brand-600 sm:p-5 dark:border-ink-800 dark:bg-ink-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-2xl font-semibold tabular-nums" data-testid="review-amount">
            {item.everything ? `Everything: ${amount}` : amount}
          </p>
          <p className="wrap-anywhere">
            {item.pocket.name} → <strong>{item.payee.name}</strong>{" "}
            <span className="text-sm text-ink-600 dark:text-ink-300">{item.payee.detail}</span>
          </p>
          <p className="text-sm text-ink-600 dark:text-ink-300">
            Requested by {r.created_by.name}, {formatDateTime(r.time_created)} · waiting{" "}
            {age(r.time_created, now)} · expires {formatDateTime(r.time_expires)}
          </p>
          {r.transfer.description && (
            <p className="mt-1 text-sm">Memo: “{r.transfer.description}”</p>
          )}
        </div>
        <div className="flex gap-2">
          <Button onClick={() => onDecide("APPROVED")} disabled={!!item.blocked}>
            Approve
          </Button>
          <Button variant="secondary" onClick={() => onDecide("DENIED")} disabled={!!item.blocked}>
            Deny
          </Button>
        </div>
      </div>

      {item.reviewerWarning && (
        <p
          role="note"
          className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50"
        >
          {item.reviewerWarning}
        </p>
      )}

      <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-ink-600 dark:text-ink-300">Available in {item.pocket.name}</dt>
          <dd className="tabular-nums" data-testid="review-available">
            {formatCents(item.pocket.availableBeforeCents)} →{" "}
            {formatCents(item.pocket.availableAfterCents)}
          </dd>
        </div>
        <div>
          <dt className="text-ink-600 dark:text-ink-300">{item.settlement.rail}</dt>
          <dd>{item.settlement.timing}</dd>
        </div>
        <div>
          <dt className="text-ink-600 dark:text-ink-300">Payee history</dt>
          <dd data-testid="review-history">
            {item.payee.own ? (
              "Between our own pockets"
            ) : h.count === 0 ? (
              <Badge tone="warning">First payment to this payee</Badge>
            ) : (
              <>
                Paid {h.count} time{h.count === 1 ? "" : "s"} in the last year; last{" "}
                {formatDate(h.lastPaidAt!)} ({formatCents(h.lastAmountCents!)}); typical{" "}
                {formatCents(h.typicalCents!)}
              </>
            )}
            {h.unusual && (
              <span className="mt-1 block">
                <Badge tone="danger">Unusual amount</Badge> {h.unusual}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-ink-600 dark:text-ink-300">Earnings given up</dt>
          <dd className="tabular-nums">
            {formatCents(item.plan.forgoneCents)}
            {item.plan.sales.length > 0 &&
              ` (${item.plan.sales.length} bill${item.plan.sales.length === 1 ? "" : "s"} sold)`}
          </dd>
        </div>
      </dl>

      {item.plan.sales.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-brand-700 dark:text-brand-300">
            Bills that would be sold
          </summary>
          <ul className="mt-2 space-y-1">
            {item.plan.fromCashCents > 0 && (
              <li>{formatCents(item.plan.fromCashCents)} from cash</li>
            )}
            {item.plan.sales.map((s) => (
              <li key={s.cusip}>
                {s.whole ? "All of" : "Part of"} {s.cusip}, maturing{" "}
                {formatDate(`${s.maturityDate}T12:00:00Z`)}: {formatCents(s.proceedsCents)}, giving
                up {formatCents(s.forgoneCents)} to maturity
              </li>
            ))}
          </ul>
        </details>
      )}
      {item.plan.shortfallCents > 0 && (
        <p role="alert" className="mt-3 text-sm text-red-800 dark:text-red-200">
          The pocket cannot cover this today: {formatCents(item.plan.shortfallCents)} short.
        </p>
      )}
      {item.blocked && (
        <p className="mt-3 text-sm text-ink-600 dark:text-ink-300">{item.blocked}</p>
      )}
    </li>
  );
}
