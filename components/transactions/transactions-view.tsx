"use client";

import { usePathname, useRouter } from "next/navigation";
import { lazy, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { usePockets } from "@/components/pockets/use-pockets";
import { Deferred } from "@/components/ui/deferred";
import { ExportButton } from "@/components/ui/export-button";
import { EmptyMessage, QueryView } from "@/components/ui/query-view";
import { Skeleton } from "@/components/ui/skeleton";
import { nyDate } from "@/lib/dates";
import { plural } from "@/lib/format";
import { formatCents } from "@/lib/money";
import { type TransactionFilters, transactionFiltersToSearch } from "@/lib/transaction-filters";
import {
  type AmountSort,
  matchesSearch,
  runningBalanceApplies,
  runningBalances,
  sortByAmount,
  totalsOf,
} from "@/lib/transaction-list";
import { TransactionFilterBar } from "./filter-bar";
import { useTransactions } from "./hooks";
import { LoadedSearch, TotalsBar } from "./list-tools";
import { SavedViews } from "./saved-views";
import { TransactionsTable } from "./transactions-table";

// The detail drawer (Radix's dialog) loads when a row is first opened (see Deferred).
const TransactionDrawer = lazy(() =>
  import("./transaction-drawer").then((m) => ({ default: m.TransactionDrawer })),
);

const count = new Intl.NumberFormat("en-US");
const NEXT_AMOUNT_SORT = { none: "desc", desc: "asc", asc: "none" } as const;

/** Keys typed into a field are the field's own: j/k only drive the list elsewhere. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));

export function TransactionsView({ filters }: { filters: TransactionFilters }) {
  const search = transactionFiltersToSearch(filters);
  const list = useTransactions(search);
  const pockets = usePockets();
  const router = useRouter();
  const pathname = usePathname();
  const [active, setActive] = useState(-1);
  // The first rows come in the server's HTML; keys and clicks work once this has run (tests wait
  // for it, as a person would for the page to respond).
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  const [open, setOpen] = useState<number | null>(null);
  const [query, setQuery] = useState("");
  const [amountSort, setAmountSort] = useState<AmountSort | "none">("none");
  const loaded = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const searching = query.trim() !== "";
  const rows = useMemo(() => {
    const found = searching ? loaded.filter((t) => matchesSearch(t, query)) : loaded;
    return amountSort === "none" ? found : sortByAmount(found, amountSort);
  }, [loaded, query, searching, amountSort]);
  const totals = useMemo(() => totalsOf(rows), [rows]);
  const names = useMemo(
    () => new Map(pockets.data?.items.map((p) => [p.id, p.pocket_name])),
    [pockets.data],
  );
  const pocketName = useCallback((id: string) => names.get(id) ?? "Unknown pocket", [names]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  // A running balance only where it can be worked back honestly (see runningBalanceApplies).
  const today = nyDate(new Date().toISOString());
  const pocket = filters.pocket?.length === 1 ? filters.pocket[0] : undefined;
  const value = pockets.data?.items.find((p) => p.id === pocket)?.portfolio?.total_value.value;
  const balances =
    value !== undefined &&
    !searching &&
    amountSort === "none" &&
    runningBalanceApplies(filters, today)
      ? runningBalances(rows, value)
      : undefined;

  // A new filter starts a new list: nothing stays selected.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on every new search
  useEffect(() => {
    setActive(-1);
    setOpen(null);
  }, [search]);

  // When the drawer closes, focus goes back to the row that opened it (after the dialog's own
  // focus handling, which has no trigger to return to).
  const opened = useRef<number | null>(null);
  useEffect(() => {
    if (open !== null) {
      opened.current = open;
      return;
    }
    const index = opened.current;
    opened.current = null;
    if (index === null) return;
    const timer = setTimeout(() => document.getElementById(`tx-row-${index}`)?.focus(), 0);
    return () => clearTimeout(timer);
  }, [open]);

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

  /** Booked-time order is Jiko's own: it reorders every page, so it lives in the URL. */
  function sortBooked() {
    setAmountSort("none");
    const next = transactionFiltersToSearch({
      ...filters,
      order: filters.order === "asc" || amountSort !== "none" ? undefined : "asc",
    });
    router.push(next ? `${pathname}?${next}` : pathname, { scroll: false });
  }

  return (
    <div className="min-w-0 space-y-4" data-interactive={interactive || undefined}>
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
              : plural(loaded.length, "transaction", undefined, { more: hasNextPage })}
          </p>
          <ExportButton
            path="/api/transactions/export"
            search={search}
            filename={`transactions-${nyDate(new Date().toISOString())}.csv`}
          />
        </div>
      </div>
      <LoadedSearch
        value={query}
        onChange={(q) => {
          setQuery(q);
          setActive(-1);
        }}
        loaded={loaded.length}
        hasNextPage={hasNextPage}
        isFetchingNextPage={isFetchingNextPage}
        fetchNextPage={() => void fetchNextPage()}
      />
      {!list.isPending && <TotalsBar totals={totals} partial={hasNextPage || searching} />}
      <div className="space-y-1 text-xs text-ink-600 dark:text-ink-300">
        {amountSort !== "none" && (
          <p data-testid="sort-scope">
            Sorted by amount ({amountSort === "desc" ? "money in first" : "money out first"}) within
            the {count.format(loaded.length)} loaded transactions.
          </p>
        )}
        {balances && value !== undefined && (
          <p>
            Balance: the pocket’s value now ({formatCents(value)}) less each newer transaction.
            T-bill earnings between transactions are not rows, so older balances are approximate.
          </p>
        )}
        <p>
          Keyboard: <kbd>j</kbd>/<kbd>k</kbd> to move, <kbd>Enter</kbd> for details.
        </p>
      </div>
      <QueryView
        query={list}
        what="Transactions"
        skeleton={<Skeleton className="h-[65vh]" />}
        isEmpty={() => rows.length === 0}
        empty={
          <EmptyMessage>
            {searching
              ? `None of the ${count.format(loaded.length)} loaded transactions match “${query.trim()}”.`
              : "No transactions match these filters."}
          </EmptyMessage>
        }
      >
        {() => (
          <TransactionsTable
            rows={rows}
            pocketName={pocketName}
            active={active}
            onActivate={setActive}
            onOpen={setOpen}
            // While searching, more pages load only when asked (the button above).
            hasNextPage={hasNextPage && !searching}
            isFetchingNextPage={isFetchingNextPage}
            fetchNextPage={() => void fetchNextPage()}
            sort={
              amountSort === "none" ? { booked: filters.order ?? "desc" } : { amount: amountSort }
            }
            onSortBooked={sortBooked}
            onSortAmount={() => {
              setAmountSort(NEXT_AMOUNT_SORT[amountSort]);
              setActive(-1);
            }}
            balances={balances}
          />
        )}
      </QueryView>
      <Deferred when={open !== null}>
        <TransactionDrawer
          transaction={open === null ? undefined : rows[open]}
          pocketName={pocketName}
          onClose={() => setOpen(null)}
        />
      </Deferred>
    </div>
  );
}
