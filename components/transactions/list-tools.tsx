"use client";

import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { formatCents } from "@/lib/money";
import type { Totals } from "@/lib/transaction-list";

const count = new Intl.NumberFormat("en-US");
const signed = (cents: number) => `${cents < 0 ? "−" : "+"}${formatCents(Math.abs(cents))}`;

/**
 * Free-text search. Jiko's list has no text filter, so this searches the pages already loaded,
 * and says so; more pages load only when asked.
 */
export function LoadedSearch({
  value,
  onChange,
  loaded,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
}: {
  value: string;
  onChange: (value: string) => void;
  loaded: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
}) {
  const searching = value.trim() !== "";
  return (
    <div className="flex min-w-0 flex-wrap items-end gap-3">
      <div className="w-full sm:w-72">
        <Field
          id="tx-search"
          label="Search payee, memo or amount"
          hint="Searches the transactions loaded on this page"
        >
          <Input
            id="tx-search"
            type="search"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            placeholder="e.g. payroll or 1,250"
          />
        </Field>
      </div>
      {searching && (
        <p className="text-sm text-ink-600 dark:text-ink-300" data-testid="search-scope">
          Searching the {count.format(loaded)} loaded transactions
          {hasNextPage ? "; more match the filters but are not loaded yet." : "."}
        </p>
      )}
      {searching && hasNextPage && (
        <Button variant="ghost" onClick={fetchNextPage} disabled={isFetchingNextPage}>
          {isFetchingNextPage ? "Loading…" : "Load the next 100"}
        </Button>
      )}
    </div>
  );
}

/** Money in, out and net of the rows on screen, from whole cents. */
export function TotalsBar({ totals, partial }: { totals: Totals; partial: boolean }) {
  return (
    <dl
      className="flex flex-wrap gap-x-6 gap-y-1 text-sm"
      data-testid="transaction-totals"
      aria-label={
        partial ? "Totals of the loaded transactions shown" : "Totals of the filtered transactions"
      }
    >
      <div className="flex gap-1">
        <dt className="text-ink-600 dark:text-ink-300">
          {partial ? "Loaded and shown" : "Transactions"}
        </dt>
        <dd className="font-medium tabular-nums">{count.format(totals.count)}</dd>
      </div>
      <div className="flex gap-1">
        <dt className="text-ink-600 dark:text-ink-300">Money in</dt>
        <dd className="font-medium text-emerald-700 tabular-nums dark:text-emerald-300">
          {signed(totals.inCents)}
        </dd>
      </div>
      <div className="flex gap-1">
        <dt className="text-ink-600 dark:text-ink-300">Money out</dt>
        <dd className="font-medium tabular-nums">−{formatCents(totals.outCents)}</dd>
      </div>
      <div className="flex gap-1">
        <dt className="text-ink-600 dark:text-ink-300">Net</dt>
        <dd className="font-semibold tabular-nums" data-testid="transaction-net">
          {signed(totals.netCents)}
        </dd>
      </div>
    </dl>
  );
}
