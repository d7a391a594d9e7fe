"use client";

import { ChevronRight, Download } from "lucide-react";
import { useRef } from "react";
import { useTeam } from "@/components/team/use-team";
import { Button, buttonClass } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useLoadMore } from "@/components/ui/use-load-more";
import { type AuditFilters, auditFiltersToSearch } from "@/lib/audit-filters";
import { formatDateTime } from "@/lib/dates";
import { plural } from "@/lib/format";
import { AUDIT_TARGET_LABELS, labelFor } from "@/lib/labels";
import { AuditFiltersBar } from "./audit-filters-bar";
import { EntryDiff } from "./entry-diff";
import { useAuditLog } from "./hooks";
import { ACTION_LABELS, targetName } from "./labels";

export function AuditLog({ filters }: { filters: AuditFilters }) {
  const team = useTeam();
  const log = useAuditLog(filters);
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = log;

  useLoadMore(sentinel, log);

  const members = team.data?.member_groups.flatMap((g) => g.members) ?? [];
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const search = auditFiltersToSearch(filters);

  return (
    <div className="space-y-4">
      <AuditFiltersBar key={search} filters={filters} members={members} />
      <div className="flex items-center justify-between gap-4">
        <p className="text-sm text-ink-600 dark:text-ink-300" aria-live="polite">
          {log.isPending
            ? "Loading…"
            : plural(entries.length, "entry", "entries", { more: hasNextPage })}
        </p>
        <a
          href={`/api/audit-logs/export${search ? `?${search}` : ""}`}
          download
          className={buttonClass("secondary")}
        >
          <Download aria-hidden="true" className="size-4" /> Export CSV
        </a>
      </div>
      {log.isPending ? (
        <Skeleton className="h-96" />
      ) : log.error ? (
        <ErrorState
          title="The audit log could not load"
          message={log.error.message}
          onRetry={() => log.refetch()}
        />
      ) : entries.length === 0 ? (
        <p className="rounded-xl border border-ink-200 bg-white p-6 text-sm dark:border-ink-800 dark:bg-ink-900">
          No entries match these filters.
        </p>
      ) : (
        <ol
          className="divide-y divide-ink-100 rounded-xl border border-ink-200 bg-white dark:divide-ink-800 dark:border-ink-800 dark:bg-ink-900"
          data-testid="audit-entries"
        >
          {entries.map((e) => (
            <li key={e.id} data-testid="audit-entry" data-action={e.action}>
              <details className="group">
                <summary className="flex cursor-pointer list-none items-start gap-3 px-4 py-3 hover:bg-ink-50 dark:hover:bg-ink-800">
                  <ChevronRight
                    aria-hidden="true"
                    className="mt-0.5 size-4 shrink-0 text-ink-500 transition-transform group-open:rotate-90"
                  />
                  <span className="grid min-w-0 flex-1 grid-cols-1 gap-x-4 wrap-anywhere sm:grid-cols-[12rem_1fr_auto]">
                    <time dateTime={e.timestamp} className="text-sm text-ink-600 dark:text-ink-300">
                      {formatDateTime(e.timestamp)}
                    </time>
                    <span className="text-sm">
                      <span className="font-medium">{e.actor?.name ?? "Jiko"}</span> ·{" "}
                      {ACTION_LABELS[e.action]}
                      {targetName(e.after ?? e.before) && (
                        <span className="text-ink-600 dark:text-ink-300">
                          {" "}
                          · {targetName(e.after ?? e.before)}
                        </span>
                      )}
                    </span>
                    <span className="text-xs text-ink-600 dark:text-ink-300">
                      {labelFor(AUDIT_TARGET_LABELS, e.target_type)}
                    </span>
                  </span>
                </summary>
                <div className="px-4 pb-4 sm:px-11">
                  <EntryDiff entry={e} />
                </div>
              </details>
            </li>
          ))}
        </ol>
      )}
      <div ref={sentinel} />
      {hasNextPage && (
        <div className="flex justify-center">
          <Button variant="secondary" disabled={isFetchingNextPage} onClick={() => fetchNextPage()}>
            {isFetchingNextPage ? "Loading more…" : "Load more"}
          </Button>
        </div>
      )}
    </div>
  );
}
