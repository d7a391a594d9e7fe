"use client";

import { type CSSProperties, lazy, Suspense, useEffect, useRef } from "react";
import { formatDateTime } from "@/lib/dates";
import { counterpartyOf, signedCents } from "@/lib/jiko/transaction-terms";
import type { Transaction } from "@/lib/jiko/transactions";
import { formatCents } from "@/lib/money";
import { TRANSACTIONS_PAGE_SIZE } from "@/lib/transaction-filters";
import { TYPE_LABELS } from "./labels";
import { PREFETCH_ROWS, ROW_HEIGHT, type RowsProps } from "./table-rows";

/**
 * Up to one page of rows (the first page, which the server renders) is a plain table body: every
 * row in the DOM, with no virtualizer to load. Past it, the rows are virtualized
 * (./virtual-rows.tsx), whose code loads when the next page is first asked for.
 */
const PLAIN_ROWS = TRANSACTIONS_PAGE_SIZE;
const importVirtualRows = () => import("./virtual-rows");
const VirtualRows = lazy(() => importVirtualRows().then((m) => ({ default: m.VirtualRows })));
const GRID = "grid grid-cols-[11rem_10rem_7rem_minmax(12rem,1fr)_6rem_9rem] items-center gap-x-4";
/** With the running balance after the amount. */
const GRID_BALANCE =
  "grid grid-cols-[11rem_10rem_7rem_minmax(12rem,1fr)_6rem_9rem_10rem] items-center gap-x-4";

export type TableSort = { booked?: "asc" | "desc"; amount?: "asc" | "desc" };

const arrow = (dir: "asc" | "desc" | undefined) => (dir === "asc" ? " ↑" : dir ? " ↓" : "");
const ariaSort = (dir: "asc" | "desc" | undefined) =>
  dir === "asc" ? "ascending" : dir ? "descending" : undefined;

/** A column heading that sorts when pressed; its state announced through aria-sort. */
function SortHeader({
  label,
  dir,
  title,
  onSort,
  right,
}: {
  label: string;
  dir: "asc" | "desc" | undefined;
  title: string;
  onSort: () => void;
  right?: boolean;
}) {
  return (
    <th scope="col" aria-sort={ariaSort(dir)} className={right ? "text-right" : "text-left"}>
      <button
        type="button"
        onClick={onSort}
        title={title}
        className="uppercase hover:text-ink-900 focus-visible:underline dark:hover:text-white"
      >
        {label}
        <span aria-hidden="true">{arrow(dir)}</span>
      </button>
    </th>
  );
}

/**
 * The list as a table that stays fast at any length: past the first page, only the rows in view
 * (and a few around) are in the DOM, so 100,000 loaded rows scroll as smoothly as 100. One row is
 * active (focused, aria-current): j/k and the arrow keys move it, Enter opens it; the page owns
 * that state.
 */
export function TransactionsTable({
  rows,
  pocketName,
  active,
  onActivate,
  onOpen,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  sort,
  onSortBooked,
  onSortAmount,
  balances,
}: {
  rows: Transaction[];
  pocketName: (id: string) => string;
  active: number;
  onActivate: (index: number) => void;
  onOpen: (index: number) => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  sort: TableSort;
  onSortBooked: () => void;
  onSortAmount: () => void;
  /** The balance just after each row, when one can be worked out. */
  balances?: number[];
}) {
  const grid = balances ? GRID_BALANCE : GRID;
  const scroller = useRef<HTMLElement>(null);
  const renderRow = (index: number, style: CSSProperties) => {
    const t = rows[index];
    if (!t) {
      return (
        <tr key="loader" style={style} className="block px-4 py-3 text-ink-600 dark:text-ink-300">
          <td>Loading more…</td>
        </tr>
      );
    }
    const cents = signedCents(t);
    const other = counterpartyOf(t);
    const selected = index === active;
    return (
      <tr
        key={t.id}
        id={`tx-row-${index}`}
        aria-current={selected || undefined}
        tabIndex={-1}
        data-testid="transaction-row"
        data-id={t.id}
        style={style}
        onClick={() => {
          onActivate(index);
          onOpen(index);
        }}
        // The scroll margin keeps a row scrolled into view clear of the sticky heading.
        className={`${grid} scroll-mt-9 cursor-pointer border-b border-ink-100 px-4 dark:border-ink-800 ${selected ? "bg-brand-50 ring-2 ring-brand-500 ring-inset dark:bg-ink-800" : "hover:bg-ink-50 dark:hover:bg-ink-800/60"}`}
      >
        <td className="text-ink-600 tabular-nums dark:text-ink-300">
          {formatDateTime(t.time_booked).replace(/ ET$/, "")}
        </td>
        <td className="truncate">{pocketName(t.pocket_id)}</td>
        <td>{TYPE_LABELS[t.type]}</td>
        <td className="truncate">
          <span className="font-medium">{t.title}</span>
          {other && other !== t.title && (
            <span className="text-ink-600 dark:text-ink-300"> · {other}</span>
          )}
        </td>
        <td className="text-xs">{t.status === "SETTLED" ? "Settled" : "Pending"}</td>
        <td
          className={`text-right font-medium tabular-nums ${cents > 0 ? "text-emerald-700 dark:text-emerald-300" : ""}`}
        >
          {cents > 0 ? "+" : "−"}
          {formatCents(Math.abs(cents))}
        </td>
        {balances && (
          <td className="text-right tabular-nums" data-testid="transaction-balance">
            {balances[index] === undefined ? "—" : formatCents(balances[index] as number)}
          </td>
        )}
      </tr>
    );
  };
  const body = {
    scroller,
    count: rows.length + (hasNextPage ? 1 : 0),
    active,
    renderRow,
    // The next page's rows are virtualized: their code starts loading with the page's request.
    nearEnd: (lastShown: number) => {
      if (!hasNextPage || isFetchingNextPage || lastShown < rows.length - PREFETCH_ROWS) return;
      void importVirtualRows();
      fetchNextPage();
    },
  };

  return (
    <section
      ref={scroller}
      aria-label="Transactions, scrollable"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region takes focus so it scrolls from the keyboard (WCAG)
      tabIndex={0}
      className="h-[65vh] overflow-auto rounded-xl border border-ink-200 bg-white dark:border-ink-800 dark:bg-ink-900"
      data-testid="transactions-scroller"
    >
      <table
        aria-label="Transactions"
        className="block w-full text-sm"
        data-testid="transactions-grid"
      >
        <thead className="sticky top-0 z-10 block bg-white dark:bg-ink-900">
          <tr
            className={`${grid} border-b border-ink-200 px-4 py-2 text-xs font-medium text-ink-600 uppercase dark:border-ink-800 dark:text-ink-300`}
          >
            <SortHeader
              label="Booked (ET)"
              dir={sort.booked}
              title="Sort by booked time (Jiko's order, across every page)"
              onSort={onSortBooked}
            />
            <th scope="col" className="text-left">
              Pocket
            </th>
            <th scope="col" className="text-left">
              Type
            </th>
            <th scope="col" className="text-left">
              Description
            </th>
            <th scope="col" className="text-left">
              Status
            </th>
            <SortHeader
              label="Amount"
              dir={sort.amount}
              title="Sort the loaded transactions by amount"
              onSort={onSortAmount}
              right
            />
            {balances && (
              <th scope="col" className="text-right">
                Balance
              </th>
            )}
          </tr>
        </thead>
        {rows.length <= PLAIN_ROWS ? (
          <PlainRows {...body} />
        ) : (
          // Until the virtualizer's code is in, every row is drawn plainly.
          <Suspense fallback={<PlainRows {...body} />}>
            <VirtualRows {...body} />
          </Suspense>
        )}
      </table>
    </section>
  );
}

/** Every row in the DOM, in the table's flow: what the server renders, and short lists. */
function PlainRows({ scroller, count, active, renderRow, nearEnd }: RowsProps) {
  const style = { height: ROW_HEIGHT };
  // The next page is asked for as the end comes within PREFETCH_ROWS of the view.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () =>
      nearEnd(Math.min(count - 1, Math.floor((el.scrollTop + el.clientHeight) / ROW_HEIGHT)));
    onScroll();
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => el.removeEventListener("scroll", onScroll);
  }, [scroller, count, nearEnd]);
  // The active row, moved by the keyboard, is scrolled into view and focused so assistive
  // technology reads it.
  useEffect(() => {
    if (active < 0) return;
    const row = document.getElementById(`tx-row-${active}`);
    row?.scrollIntoView({ block: "nearest" });
    row?.focus({ preventScroll: true });
  }, [active]);
  return (
    <tbody className="block">{Array.from({ length: count }, (_, i) => renderRow(i, style))}</tbody>
  );
}
