"use client";

import { usePathname, useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { TRANSACTION_TYPES, type TransactionType } from "@/lib/jiko/transactions";
import {
  DATE_PRESETS,
  type DatePreset,
  TransactionFilters,
  transactionFiltersToSearch,
} from "@/lib/transaction-filters";
import { TYPE_LABELS } from "./labels";

/** A labelled group of checkboxes that folds away, showing how many are ticked. */
function CheckGroup({
  legend,
  name,
  options,
  checked,
}: {
  legend: string;
  name: string;
  options: { value: string; label: ReactNode }[];
  checked: readonly string[];
}) {
  return (
    <details className="group relative">
      <summary className="mt-6 flex cursor-pointer list-none items-center justify-between rounded-md border border-ink-300 bg-white px-3 py-2 text-sm dark:border-ink-600 dark:bg-ink-950">
        {legend}: {checked.length ? `${checked.length} selected` : "all"}
      </summary>
      <fieldset className="absolute z-20 mt-1 w-64 space-y-1 rounded-md border border-ink-200 bg-white p-3 shadow-lg dark:border-ink-700 dark:bg-ink-900">
        <legend className="sr-only">{legend}</legend>
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={checked.includes(o.value)}
            />
            {o.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** Filters live in the URL: applying them is a navigation, so a view can be shared and saved. */
export function TransactionFilterBar({
  filters,
  pockets,
}: {
  filters: TransactionFilters;
  pockets: { id: string; name: string }[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [range, setRange] = useState<DatePreset | "">(filters.range ?? "");

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (k: string) => (data.get(k) as string) || undefined;
    const parsed = TransactionFilters.safeParse({
      pocket: data.getAll("pocket"),
      type: data.getAll("type") as TransactionType[],
      direction: value("direction"),
      range: value("range"),
      from: range === "custom" ? value("from") : undefined,
      to: range === "custom" ? value("to") : undefined,
      min: value("min"),
      max: value("max"),
    });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    const search = transactionFiltersToSearch(parsed.data);
    router.replace(search ? `${pathname}?${search}` : pathname);
  }

  return (
    <form
      onSubmit={apply}
      aria-label="Filter transactions"
      className="grid gap-4 rounded-xl border border-ink-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-ink-800 dark:bg-ink-900"
    >
      <CheckGroup
        legend="Pockets"
        name="pocket"
        options={pockets.map((p) => ({ value: p.id, label: p.name }))}
        checked={filters.pocket ?? []}
      />
      <CheckGroup
        legend="Types"
        name="type"
        options={TRANSACTION_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
        checked={filters.type ?? []}
      />
      <Field id="tx-direction" label="Direction">
        <Select id="tx-direction" name="direction" defaultValue={filters.direction ?? ""}>
          <option value="">In and out</option>
          <option value="CREDIT">Money in</option>
          <option value="DEBIT">Money out</option>
        </Select>
      </Field>
      <Field id="tx-range" label="Booked">
        <Select
          id="tx-range"
          name="range"
          value={range}
          onChange={(e) => setRange(e.target.value as DatePreset | "")}
        >
          <option value="">Any time</option>
          {Object.entries(DATE_PRESETS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      {range === "custom" && (
        <>
          <Field id="tx-from" label="From (ET)" error={errors.from}>
            <Input
              id="tx-from"
              name="from"
              type="date"
              defaultValue={filters.from ?? ""}
              invalid={!!errors.from}
            />
          </Field>
          <Field id="tx-to" label="To (ET)" error={errors.to}>
            <Input
              id="tx-to"
              name="to"
              type="date"
              defaultValue={filters.to ?? ""}
              invalid={!!errors.to}
            />
          </Field>
        </>
      )}
      <Field id="tx-min" label="Amount from ($)" error={errors.min}>
        <Input
          id="tx-min"
          name="min"
          inputMode="decimal"
          placeholder="0.00"
          defaultValue={filters.min ?? ""}
          invalid={!!errors.min}
        />
      </Field>
      <Field id="tx-max" label="Amount to ($)" error={errors.max}>
        <Input
          id="tx-max"
          name="max"
          inputMode="decimal"
          placeholder="No limit"
          defaultValue={filters.max ?? ""}
          invalid={!!errors.max}
        />
      </Field>
      <div className="flex items-end gap-2">
        <Button type="submit">Apply</Button>
        <Button variant="ghost" onClick={() => router.replace(pathname)}>
          Clear
        </Button>
      </div>
    </form>
  );
}
