"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { usePockets } from "@/components/pockets/hooks";
import { ExportButton } from "@/components/ui/export-button";
import { EmptyMessage, QueryView } from "@/components/ui/query-view";
import { Skeleton } from "@/components/ui/skeleton";
import { nyDate } from "@/lib/dates";
import { type TransactionFilters, transactionFiltersToSearch } from "@/lib/transaction-filters";
import { TransactionFilterBar } from "./filter-bar";
import { useTransactions } from "./hooks";
import { SavedViews } from "./saved-views";
import { TransactionDrawer } from "./transaction-drawer";
import { TransactionsTable } from "./transactions-table";

const count = new Intl.NumberFormat("en-US");

/** Keys typed into a field are the field's own: j/k only drive the list elsewhere. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));

export function TransactionsView({ filters }: { filters: TransactionFilters }) {
  const search = transactionFiltersToSearch(filters);
  const list = useTransactions(search);
  const pockets = usePockets();
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState<number | null>(null);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const names = useMemo(
    () => new Map(pockets.data?.items.map((p) => [p.id, p.pocket_name])),
    [pockets.data],
  );
  const pocketName = useCallback((id: string) => names.get(id) ?? "Unknown pocket", [names]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  // A new filter starts a new list: nothing stays selected.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on every new search
  useEffect(() => {
    setActive(-1);
    setOpen(null);
  }, [search]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || typing(e.target)) return;
      if (open !== null || document.querySelector("[role=dialog]")) return;
      if (e.key === "j" || e.key === "ArrowDown") {
        e.preventDefault();
        setActive((i) => Math.min(i + 1, rows.length - 1));
      } else if (e.key === "k" || e.key === "ArrowUp") {
        e.preventDefault();
        setActive((i) => Math.max(i - 1, 0));
      } else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        setOpen(active);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, active, rows.length]);

  return (
    <div className="space-y-4">
      <TransactionFilterBar
        key={search}
        filters={filters}
        pockets={pockets.data?.items.map((p) => ({ id: p.id, name: p.pocket_name })) ?? []}
      />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <SavedViews search={search} />
        <div className="flex items-center gap-4">
          <p className="text-sm text-ink-600 dark:text-ink-300" aria-live="polite">
            {list.isPending
              ? "Loading…"
              : `${count.format(rows.length)}${hasNextPage ? "+" : ""} transactions`}
          </p>
          <ExportButton
            path="/api/transactions/export"
            search={search}
            filename={`transactions-${nyDate(new Date().toISOString())}.csv`}
          />
        </div>
      </div>
      <p className="text-xs text-ink-600 dark:text-ink-300">
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> to move, <kbd>Enter</kbd> for details.
      </p>
      <QueryView
        query={list}
        what="Transactions"
        skeleton={<Skeleton className="h-[65vh]" />}
        isEmpty={() => rows.length === 0}
        empty={<EmptyMessage>No transactions match these filters.</EmptyMessage>}
      >
        {() => (
          <TransactionsTable
            rows={rows}
            pocketName={pocketName}
            active={active}
            onActivate={setActive}
            onOpen={setOpen}
            hasNextPage={hasNextPage}
            isFetchingNextPage={isFetchingNextPage}
            fetchNextPage={() => void fetchNextPage()}
          />
        )}
      </QueryView>
      <TransactionDrawer
        transaction={open === null ? undefined : rows[open]}
        pocketName={pocketName}
        onClose={() => setOpen(null)}
      />
    </div>
  );
}
