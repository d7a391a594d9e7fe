"use client";

import { Card } from "@/components/ui/card";
import { EmptyMessage, QueryView } from "@/components/ui/query-view";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { stacked } from "@/components/ui/stacked-rows";
import { TableHead } from "@/components/ui/table-head";
import type { BusinessIndividual } from "@/lib/jiko/company";
import { useBeneficialOwners } from "./hooks";

const ROLE_LABELS: Record<BusinessIndividual["roles"][number], string> = {
  CONTROL_PERSON: "Control person",
  AUTHORIZED_REPRESENTATIVE: "Authorized representative",
};

const columns = [
  { label: "Name" },
  { label: "Roles" },
  { label: "Ownership", align: "right" as const },
  { label: "Identification number" },
];
const cell = `py-2.5 pr-4 align-top ${stacked.cell}`;

const fullName = (o: BusinessIndividual) =>
  [o.name.first_name, o.name.middle_name, o.name.last_name].filter(Boolean).join(" ");

/** The people who own or control the company, as Jiko holds them (numbers masked by Jiko). */
export function OwnersCard() {
  const owners = useBeneficialOwners();
  return (
    <Card title="Beneficial owners">
      <QueryView
        query={owners}
        what="Beneficial owners"
        skeleton={<Skeleton className="h-32" />}
        isEmpty={(d) => d.beneficial_owners.length === 0}
        empty={<EmptyMessage>Jiko holds no beneficial owners for this company.</EmptyMessage>}
      >
        {(d) => (
          <ScrollRegion label="Beneficial owners table">
            <table className={`w-full text-sm ${stacked.table}`}>
              <TableHead columns={columns} stacked />
              <tbody className={stacked.body}>
                {d.beneficial_owners.map((o) => (
                  <tr
                    key={o.id}
                    className={`border-b border-ink-100 last:border-0 dark:border-ink-800 ${stacked.row}`}
                  >
                    <th scope="row" className={`${cell} text-left font-medium ${stacked.wide}`}>
                      {fullName(o)}
                      {o.title && (
                        <span className="block text-xs font-normal text-ink-600 dark:text-ink-300">
                          {o.title}
                        </span>
                      )}
                    </th>
                    <td className={`${cell} ${stacked.labelled}`} data-label="Roles">
                      {o.roles.length ? o.roles.map((r) => ROLE_LABELS[r]).join(", ") : "Owner"}
                    </td>
                    <td
                      className={`${cell} text-right tabular-nums ${stacked.labelled} ${stacked.end}`}
                      data-label="Ownership"
                    >
                      {o.ownership_percentage ? `${o.ownership_percentage}%` : "—"}
                    </td>
                    <td
                      className={`${cell} ${stacked.labelled} ${stacked.wide}`}
                      data-label="Identification number"
                    >
                      <span className="font-mono">{o.identification_number}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </QueryView>
    </Card>
  );
}
