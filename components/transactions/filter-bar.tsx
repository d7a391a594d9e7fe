"use client";

import { usePathname, useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckGroup } from "@/components/ui/check-group";
import { DateRangeFields, dateRangeOf } from "@/components/ui/date-range-fields";
import { Field, Input, Select } from "@/components/ui/field";
import { TRANSACTION_TYPES, type TransactionType } from "@/lib/jiko/transactions";
import { TransactionFilters, transactionFiltersToSearch } from "@/lib/transaction-filters";
import { TYPE_LABELS } from "./labels";

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

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (k: string) => (data.get(k) as string) || undefined;
    const parsed = TransactionFilters.safeParse({
      pocket: data.getAll("pocket"),
      type: data.getAll("type") as TransactionType[],
      direction: value("direction"),
      ...dateRangeOf(data),
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
      <DateRangeFields idPrefix="tx" label="Booked" value={filters} errors={errors} />
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
