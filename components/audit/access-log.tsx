"use client";

import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ACCESS_ACTION_LABELS, type AccessEntry } from "@/lib/access-log";
import { formatDateTime } from "@/lib/dates";
import { useAccessLog } from "./hooks";

const SUBJECT_LABELS: Record<NonNullable<AccessEntry["subject"]>["kind"], string> = {
  pocket: "Pocket",
  report: "Report",
  statement: "Statement",
  trade: "Trade",
  transfer_request: "Transfer request",
};

/** Who revealed account numbers or took data out of the dashboard: Jiko does not record reads. */
export function AccessLog() {
  const log = useAccessLog();
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = log;

  return (
    <section aria-labelledby="access-log-heading" className="space-y-4">
      <h2 id="access-log-heading" className="text-lg font-semibold">
        Sensitive reads in Treasury Desk
      </h2>
      {log.isPending ? (
        <Skeleton className="h-40" />
      ) : log.error ? (
        <ErrorState
          title="Sensitive reads could not load"
          message={log.error.message}
          onRetry={() => log.refetch()}
        />
      ) : entries.length === 0 ? (
        <p className="rounded-xl border border-ink-200 bg-white p-6 text-sm dark:border-ink-800 dark:bg-ink-900">
          No one has revealed an account number or downloaded data yet.
        </p>
      ) : (
        <ol
          className="divide-y divide-ink-100 rounded-xl border border-ink-200 bg-white dark:divide-ink-800 dark:border-ink-800 dark:bg-ink-900"
          data-testid="access-entries"
        >
          {entries.map((e) => (
            <li
              key={e.id}
              data-testid="access-entry"
              data-action={e.action}
              className="grid grid-cols-1 gap-x-4 px-4 py-3 text-sm wrap-anywhere sm:grid-cols-[12rem_1fr_auto]"
            >
              <time dateTime={e.at} className="text-ink-600 dark:text-ink-300">
                {formatDateTime(e.at)}
              </time>
              <span>
                <span className="font-medium">{e.actor.name}</span> ·{" "}
                {ACCESS_ACTION_LABELS[e.action]}
              </span>
              <span className="text-xs text-ink-600 dark:text-ink-300">
                {e.subject ? `${SUBJECT_LABELS[e.subject.kind]} ${e.subject.id}` : e.actor.email}
              </span>
            </li>
          ))}
        </ol>
      )}
      {hasNextPage && (
        <div className="flex justify-center">
          <Button variant="secondary" disabled={isFetchingNextPage} onClick={() => fetchNextPage()}>
            {isFetchingNextPage ? "Loading more…" : "Show older reads"}
          </Button>
        </div>
      )}
    </section>
  );
}
