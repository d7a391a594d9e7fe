"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import { formatDateTime } from "@/lib/dates";
import { counterpartyOf, signedCents } from "@/lib/jiko/transaction-terms";
import type { Transaction } from "@/lib/jiko/transactions";
import { formatCents } from "@/lib/money";
import { TYPE_LABELS } from "./labels";

const ROW_HEIGHT = 44;
/** The scroller is 65% of the window high; this is that share of a 800 px laptop window. */
const INITIAL_RECT = { width: 1280, height: 520 };
/** Start the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 30;
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
 * The list as a virtualized table: only the rows in view (and a few around) are in the DOM, so
 * 100,000 loaded rows scroll as smoothly as 100. One row is active (focused, aria-current): j/k
 * and the arrow keys move it, Enter opens it; the page owns that state.
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
  const virtualizer = useVirtualizer({
    count: rows.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Before the scroller can be measured (on the server, and in the browser's first render),
    // assume a typical window's share: the first screen of rows is in the server's HTML.
    initialRect: INITIAL_RECT,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastShown >= rows.length - PREFETCH_ROWS) {
      fetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, lastShown, rows.length, fetchNextPage]);

  // Keep the active row in view as the keyboard moves it, and give it focus so assistive
  // technology reads it (it is rendered once scrolled to).
  useEffect(() => {
    if (active < 0) return;
    virtualizer.scrollToIndex(active, { align: "auto" });
    const frame = requestAnimationFrame(() =>
      document.getElementById(`tx-row-${active}`)?.focus({ preventScroll: true }),
    );
    return () => cancelAnimationFrame(frame);
  }, [active, virtualizer]);

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
        <tbody className="relative block" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const t = rows[item.index];
            const style = {
              position: "absolute" as const,
              top: 0,
              left: 0,
              width: "100%",
              height: item.size,
              transform: `translateY(${item.start}px)`,
            };
            if (!t) {
              return (
                <tr
                  key="loader"
                  style={style}
                  className="block px-4 py-3 text-ink-600 dark:text-ink-300"
                >
                  <td>Loading more…</td>
                </tr>
              );
            }
            const cents = signedCents(t);
            const other = counterpartyOf(t);
            const selected = item.index === active;
            return (
              <tr
                key={t.id}
                id={`tx-row-${item.index}`}
                aria-current={selected || undefined}
                tabIndex={-1}
                data-testid="transaction-row"
                data-id={t.id}
                style={style}
                onClick={() => {
                  onActivate(item.index);
                  onOpen(item.index);
                }}
                className={`${grid} cursor-pointer border-b border-ink-100 px-4 dark:border-ink-800 ${selected ? "bg-brand-50 ring-2 ring-brand-500 ring-inset dark:bg-ink-800" : "hover:bg-ink-50 dark:hover:bg-ink-800/60"}`}
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
                    {balances[item.index] === undefined
                      ? "—"
                      : formatCents(balances[item.index] as number)}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
