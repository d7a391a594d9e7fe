"use client";

import { Download } from "lucide-react";
import { usePockets } from "@/components/pockets/use-pockets";
import { CheckGroup } from "@/components/ui/check-group";
import { Field, Select } from "@/components/ui/field";
import { FilterForm, formValue } from "@/components/ui/filter-form";
import { EmptyMessage, QueryView } from "@/components/ui/query-view";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { stacked } from "@/components/ui/stacked-rows";
import { TableHead } from "@/components/ui/table-head";
import { lazySchemas } from "@/lib/api-client";
import { formatDate } from "@/lib/dates";
import { STATEMENT_TYPES } from "@/lib/jiko/statement-terms";
import type { StatementType } from "@/lib/jiko/statements";
import {
  STATEMENT_TYPE_LABELS,
  type StatementFilters,
  statementFiltersToSearch,
} from "@/lib/statement-filters";
import { useStatements } from "./hooks";

/** The filters' schema loads once a person starts on the filter bar (components/ui/filter-form.tsx). */
const filterSchema = lazySchemas(() => import("@/lib/filter-schemas"));

const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const m = String(i + 1).padStart(2, "0");
  return {
    value: m,
    label: new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" }).format(
      new Date(`2000-${m}-15T00:00:00Z`),
    ),
  };
});

const COLUMNS = [
  { label: "Period" },
  { label: "Document" },
  { label: "Pocket" },
  { label: "Published" },
  { label: "Download", hidden: true },
] as const;

const periodLabel = (key: string) =>
  key.length === 4
    ? `Tax year ${key}`
    : new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(
        new Date(`${key}-15T00:00:00Z`),
      );

export function StatementsView({
  filters,
  years,
}: {
  filters: StatementFilters;
  /** Years to offer, newest first; the first is the default. */
  years: string[];
}) {
  const search = statementFiltersToSearch(filters);
  const pockets = usePockets();
  const statements = useStatements(search);
  const names = new Map(pockets.data?.items.map((p) => [p.id, p.pocket_name]));

  return (
    <div className="space-y-4">
      <FilterForm
        key={search}
        label="Filter statements"
        schema={filterSchema("StatementFilters")}
        toSearch={statementFiltersToSearch}
        className="lg:grid-cols-5"
        read={(data) => ({
          year: formValue(data, "year"),
          month: formValue(data, "month"),
          type: data.getAll("type") as StatementType[],
          pocket: formValue(data, "pocket"),
        })}
      >
        {() => (
          <>
            <Field id="st-year" label="Year">
              <Select id="st-year" name="year" defaultValue={filters.year ?? years[0]}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="st-month" label="Month">
              <Select id="st-month" name="month" defaultValue={filters.month ?? ""}>
                <option value="">Whole year</option>
                {MONTHS.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </Select>
            </Field>
            <CheckGroup
              legend="Documents"
              name="type"
              options={STATEMENT_TYPES.map((t) => ({ value: t, label: STATEMENT_TYPE_LABELS[t] }))}
              checked={filters.type ?? []}
            />
            <Field id="st-pocket" label="Pocket">
              <Select id="st-pocket" name="pocket" defaultValue={filters.pocket ?? ""}>
                <option value="">All pockets</option>
                {pockets.data?.items.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.pocket_name}
                  </option>
                ))}
              </Select>
            </Field>
          </>
        )}
      </FilterForm>
      <QueryView
        query={statements}
        what="Statements"
        skeleton={<Skeleton className="h-96" />}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyMessage>
            No statements for this period yet. Monthly statements are published by the 15th of the
            following month; tax forms by mid-February.
          </EmptyMessage>
        }
      >
        {(data) => (
          <ScrollRegion
            label="Statements table"
            className="rounded-xl border border-ink-200 bg-white px-4 dark:border-ink-800 dark:bg-ink-900"
          >
            <table className={`w-full text-sm ${stacked.table}`} data-testid="statements-table">
              <TableHead columns={COLUMNS} stacked />
              <tbody className={stacked.body}>
                {data.items.map((s) => (
                  <tr
                    key={s.id}
                    data-testid="statement-row"
                    className={`border-b border-ink-100 last:border-0 dark:border-ink-800 ${stacked.row}`}
                  >
                    <td className={`py-2 pr-4 max-sm:font-medium ${stacked.cell}`}>
                      {periodLabel(s.key)}
                    </td>
                    <td className={`py-2 pr-4 ${stacked.cell} ${stacked.end}`}>
                      {STATEMENT_TYPE_LABELS[s.type]}
                    </td>
                    <td
                      data-label="Pocket"
                      className={`py-2 pr-4 ${stacked.cell} ${stacked.labelled}`}
                    >
                      {names.get(s.jiko_account_id) ?? "Unknown pocket"}
                    </td>
                    <td
                      data-label="Published"
                      className={`py-2 pr-4 tabular-nums ${stacked.cell} ${stacked.labelled} ${stacked.end}`}
                    >
                      {formatDate(s.time_created)}
                    </td>
                    <td
                      className={`py-2 text-right max-sm:text-left ${stacked.cell} ${stacked.wide}`}
                    >
                      <a
                        href={`/api/statements/download?${new URLSearchParams({ pocket: s.jiko_account_id, type: s.type, key: s.key })}`}
                        download
                        className="inline-flex items-center gap-1 text-brand-700 hover:underline dark:text-brand-300"
                      >
                        <Download aria-hidden="true" className="size-4" /> PDF
                        <span className="sr-only">
                          {" "}
                          {STATEMENT_TYPE_LABELS[s.type]}, {periodLabel(s.key)},{" "}
                          {names.get(s.jiko_account_id)}
                        </span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.next_page && (
              <p className="py-3 text-sm text-ink-600 dark:text-ink-300">
                Showing the first 100: narrow by month, document or pocket to see the rest.
              </p>
            )}
          </ScrollRegion>
        )}
      </QueryView>
    </div>
  );
}
