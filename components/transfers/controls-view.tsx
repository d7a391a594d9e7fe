"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ExportButton } from "@/components/ui/export-button";
import { Field, Input } from "@/components/ui/field";
import { EmptyMessage, QueryView } from "@/components/ui/query-view";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { stacked } from "@/components/ui/stacked-rows";
import { TableHead } from "@/components/ui/table-head";
import { apiGet, lazySchemas } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import type { ControlsRow } from "@/lib/transfers/controls";

/** The report's schema loads with its answer (lib/api-client.ts). */
const schema = lazySchemas(() => import("./answers"));

const COLUMNS = [
  { label: "Person" },
  { label: "Requested", align: "right" },
  { label: "Approved", align: "right" },
  { label: "Denied", align: "right" },
  { label: "Cancelled", align: "right" },
  { label: "Expired", align: "right" },
  { label: "Own decisions refused", align: "right" },
  { label: "Median time to decide", align: "right" },
] as const;

function minutes(m: number | null): string {
  if (m === null) return "—";
  if (m < 60) return `${Math.round(m)} min`;
  if (m < 48 * 60) return `${(m / 60).toFixed(1)} h`;
  return `${(m / 1440).toFixed(1)} days`;
}

const cells = (r: Omit<ControlsRow, "memberId" | "name">) => [
  r.requested,
  r.approved,
  r.denied,
  r.cancelled,
  r.expired,
  r.selfDecisionsRefused,
  minutes(r.medianMinutesToDecide),
];

/** How dual authorization worked over a period, person by person; exportable for auditors. */
export function ControlsView({ from, to }: { from?: string; to?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = new URLSearchParams({
    ...(from && { from }),
    ...(to && { to }),
  }).toString();
  const report = useQuery({
    queryKey: [...queryKeys.transferRequests("controls"), search],
    queryFn: () => apiGet(`/api/transfer-requests/controls?${search}`, schema("ControlsReport")),
  });

  return (
    <div className="space-y-4">
      <form
        aria-label="Controls period"
        className="flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const next = new URLSearchParams({ view: "controls" });
          for (const k of ["from", "to"]) {
            const v = String(data.get(k) ?? "");
            if (v) next.set(k, v);
          }
          router.push(`${pathname}?${next}`);
        }}
      >
        <Field id="c-from" label="From">
          <Input id="c-from" name="from" type="date" defaultValue={from ?? report.data?.from} />
        </Field>
        <Field id="c-to" label="To">
          <Input id="c-to" name="to" type="date" defaultValue={to ?? report.data?.to} />
        </Field>
        <Button type="submit" variant="secondary">
          Show
        </Button>
        <ExportButton
          path="/api/transfer-requests/controls"
          search={`${search}${search ? "&" : ""}format=csv`}
          filename={`transfer-controls-${report.data?.from ?? "period"}-to-${report.data?.to ?? ""}.csv`}
        />
      </form>
      <QueryView
        query={report}
        what="The controls report"
        skeleton={<Skeleton className="h-48" />}
        isEmpty={(d) => d.rows.length === 0}
        empty={
          <EmptyMessage>No transfer requests were made or decided in this period.</EmptyMessage>
        }
      >
        {(data) => (
          <ScrollRegion
            label="Controls table"
            className="rounded-xl border border-ink-200 bg-white px-4 dark:border-ink-800 dark:bg-ink-900"
          >
            <table className={`w-full text-sm ${stacked.table}`} data-testid="controls-table">
              <caption className="sr-only">
                Transfer controls from {data.from} to {data.to}
              </caption>
              <TableHead columns={COLUMNS} stacked />
              <tbody className={stacked.body}>
                {[...data.rows, { ...data.totals, memberId: "total", name: "All people" }].map(
                  (r) => (
                    <tr
                      key={r.memberId}
                      data-testid="controls-row"
                      className={`border-t border-ink-100 dark:border-ink-800 ${stacked.row} ${r.memberId === "total" ? "font-semibold" : ""}`}
                    >
                      <td className={`py-2 pr-4 ${stacked.cell} ${stacked.wide}`}>{r.name}</td>
                      {cells(r).map((v, i) => (
                        <td
                          key={COLUMNS[i + 1]!.label}
                          data-label={COLUMNS[i + 1]!.label}
                          className={`py-2 pr-4 text-right tabular-nums ${stacked.cell} ${stacked.labelled}`}
                        >
                          {v}
                        </td>
                      ))}
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </QueryView>
    </div>
  );
}
