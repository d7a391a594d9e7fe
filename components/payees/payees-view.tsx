"use client";

import { Plus } from "lucide-react";
import { lazy, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Deferred } from "@/components/ui/deferred";
import { Field, Select } from "@/components/ui/field";
import { FilterForm, formValue } from "@/components/ui/filter-form";
import { EmptyMessage, QueryView } from "@/components/ui/query-view";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { stacked } from "@/components/ui/stacked-rows";
import { TableHead } from "@/components/ui/table-head";
import { lazySchemas } from "@/lib/api-client";
import { formatDate } from "@/lib/dates";
import type { Counterparty } from "@/lib/jiko/counterparties";
import { COUNTERPARTY_TYPE_LABELS, counterpartyAccount } from "@/lib/jiko/counterparty-label";
import { COUNTERPARTY_STATUSES, COUNTERPARTY_TYPES } from "@/lib/jiko/counterparty-terms";
import { COUNTERPARTY_STATUS_LABELS } from "@/lib/labels";
import { filterPayees, type PayeeFilters, payeeFiltersToSearch } from "@/lib/payee-filters";
import { payeeStatus } from "@/lib/payee-status";
import { usePayees } from "./hooks";

// Dialogs (Radix, the payee form) load when first opened (see Deferred).
const AddPayeeDialog = lazy(() =>
  import("./add-payee-dialog").then((m) => ({ default: m.AddPayeeDialog })),
);
const UnlinkDialog = lazy(() =>
  import("./unlink-dialog").then((m) => ({ default: m.UnlinkDialog })),
);

/** The filters' schema loads once a person starts on the filter bar (components/ui/filter-form). */
const filterSchema = lazySchemas(() => import("@/lib/payee-filter-schemas"));

const cell = `py-2.5 pr-4 align-top ${stacked.cell}`;

export function PayeesView({ filters, canManage }: { filters: PayeeFilters; canManage: boolean }) {
  const payees = usePayees();
  const [adding, setAdding] = useState(false);
  const [unlinking, setUnlinking] = useState<Counterparty | null>(null);
  const search = payeeFiltersToSearch(filters);
  const columns = [
    { label: "Payee" },
    { label: "Type" },
    { label: "Account" },
    { label: "Status" },
    { label: "Added" },
    ...(canManage ? [{ label: "Actions", hidden: true }] : []),
  ];

  return (
    <div className="space-y-4">
      {canManage && (
        <Button onClick={() => setAdding(true)}>
          <Plus aria-hidden="true" className="size-4" /> Add payee
        </Button>
      )}
      <FilterForm
        key={search}
        label="Filter payees"
        schema={filterSchema("PayeeFilters")}
        toSearch={payeeFiltersToSearch}
        read={(data) => ({
          type: formValue(data, "type"),
          status: formValue(data, "status"),
          unlinked: data.get("unlinked") === "1" || undefined,
        })}
      >
        {() => (
          <>
            <Field id="payee-filter-type" label="Type">
              <Select id="payee-filter-type" name="type" defaultValue={filters.type ?? ""}>
                <option value="">All types</option>
                {COUNTERPARTY_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {COUNTERPARTY_TYPE_LABELS[t]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="payee-filter-status" label="Status">
              <Select id="payee-filter-status" name="status" defaultValue={filters.status ?? ""}>
                <option value="">Any status</option>
                {COUNTERPARTY_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {COUNTERPARTY_STATUS_LABELS[s]}
                  </option>
                ))}
              </Select>
            </Field>
            <label className="flex items-center gap-2 self-end pb-2 text-sm">
              <input type="checkbox" name="unlinked" value="1" defaultChecked={filters.unlinked} />
              Show unlinked payees
            </label>
          </>
        )}
      </FilterForm>
      <QueryView
        query={payees}
        what="Payees"
        skeleton={<Skeleton className="h-96" />}
        isEmpty={(d) => filterPayees(d.items, filters).length === 0}
        empty={
          <EmptyMessage>
            No payees match these filters.
            {canManage && " Add one to send money to it once Jiko has verified it."}
          </EmptyMessage>
        }
      >
        {(data) => (
          <ScrollRegion label="Payees table">
            <table className={`w-full text-sm ${stacked.table}`}>
              <TableHead columns={columns} stacked />
              <tbody className={stacked.body}>
                {filterPayees(data.items, filters).map((c) => {
                  const status = payeeStatus(c);
                  return (
                    <tr
                      key={c.id}
                      data-testid={`payee-${c.name}`}
                      className={`border-b border-ink-100 last:border-0 dark:border-ink-800 ${stacked.row}`}
                    >
                      <th scope="row" className={`${cell} text-left font-medium ${stacked.wide}`}>
                        {c.name}
                      </th>
                      <td className={`${cell} ${stacked.labelled}`} data-label="Type">
                        {COUNTERPARTY_TYPE_LABELS[c.type]}
                      </td>
                      <td className={`${cell} ${stacked.labelled}`} data-label="Account">
                        <span className="font-mono">{counterpartyAccount(c)}</span>
                      </td>
                      <td
                        className={`${cell} ${stacked.labelled} ${stacked.wide}`}
                        data-label="Status"
                      >
                        <Badge tone={status.tone}>{status.label}</Badge>
                        <span className="mt-0.5 block text-xs text-ink-600 dark:text-ink-300">
                          {status.meaning}
                        </span>
                      </td>
                      <td
                        className={`${cell} whitespace-nowrap ${stacked.labelled}`}
                        data-label="Added"
                      >
                        {formatDate(c.time_created)}
                      </td>
                      {canManage && (
                        <td
                          className={`py-2.5 text-right align-top ${stacked.cell} ${stacked.wide} max-sm:text-left`}
                        >
                          {c.status !== "UNLINKED" && (
                            <Button
                              variant="secondary"
                              className="px-2.5 py-1 text-xs"
                              onClick={() => setUnlinking(c)}
                            >
                              Unlink<span className="sr-only"> {c.name}</span>
                            </Button>
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </QueryView>
      {canManage && (
        <Deferred when={adding}>
          <AddPayeeDialog open={adding} onOpenChange={setAdding} />
        </Deferred>
      )}
      <Deferred when={!!unlinking}>
        {unlinking && <UnlinkDialog payee={unlinking} onClose={() => setUnlinking(null)} />}
      </Deferred>
    </div>
  );
}
