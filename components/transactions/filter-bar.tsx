"use client";

import { CheckGroup } from "@/components/ui/check-group";
import { DateRangeFields, dateRangeOf } from "@/components/ui/date-range-fields";
import { Field, Input, Select } from "@/components/ui/field";
import { FilterForm, formValue } from "@/components/ui/filter-form";
import { lazySchemas } from "@/lib/api-client";
import { TRANSACTION_TYPES } from "@/lib/jiko/transaction-terms";
import type { TransactionType } from "@/lib/jiko/transactions";
import { type TransactionFilters, transactionFiltersToSearch } from "@/lib/transaction-filters";
import { TYPE_LABELS } from "./labels";

/** The filters' schema loads once a person starts on the filter bar (components/ui/filter-form.tsx). */
const filterSchema = lazySchemas(() => import("@/lib/filter-schemas"));

/** Filters live in the URL: applying them is a navigation, so a view can be shared and saved. */
export function TransactionFilterBar({
  filters,
  pockets,
}: {
  filters: TransactionFilters;
  pockets: { id: string; name: string }[];
}) {
  return (
    <FilterForm
      label="Filter transactions"
      schema={filterSchema("TransactionFilters")}
      toSearch={transactionFiltersToSearch}
      read={(data) => ({
        pocket: data.getAll("pocket"),
        type: data.getAll("type") as TransactionType[],
        direction: formValue(data, "direction"),
        ...dateRangeOf(data),
        min: formValue(data, "min"),
        max: formValue(data, "max"),
      })}
    >
      {(errors) => (
        <>
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
        </>
      )}
    </FilterForm>
  );
}
