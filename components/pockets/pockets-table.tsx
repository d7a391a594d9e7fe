"use client";

import { Plus } from "lucide-react";
import Link from "next/link";
import { lazy, useState } from "react";
import { useAvailable } from "@/components/transfers/hooks";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Deferred } from "@/components/ui/deferred";
import { ErrorState } from "@/components/ui/error-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { TableHead } from "@/components/ui/table-head";
import { useHydrated } from "@/components/ui/use-hydrated";
import { strategyLabel } from "@/lib/jiko/strategy-terms";
import { labelFor, POCKET_STATUS_LABELS } from "@/lib/labels";
import { formatCents, formatRate } from "@/lib/money";
import { pocketTotals } from "@/lib/pockets";
import { usePockets, useStrategies } from "./hooks";

// The dialog's form code loads when it is first opened (see Deferred).
const CreatePocketDialog = lazy(() =>
  import("./create-pocket-dialog").then((m) => ({ default: m.CreatePocketDialog })),
);

const POCKET_COLUMNS = [
  { label: "Pocket" },
  { label: "Status" },
  { label: "Strategy" },
  { label: "Value", align: "right" },
  { label: "Available", align: "right" },
  { label: "Yield", align: "right" },
  { label: "Earnings, all time", align: "right" },
] as const;

const STATUS_TONE = {
  OPEN: "brand",
  PENDING: "warning",
  FROZEN: "danger",
  CLOSED: "neutral",
} as const;

export function PocketsTable({ canManage }: { canManage: boolean }) {
  const { data, error, refetch, isPending } = usePockets();
  // Value less what pending transfer requests hold: what can still be sent today. It follows
  // the pockets in the page's response, so it may reach the browser before hydration.
  const availableQuery = useAvailable();
  const available = useHydrated() ? availableQuery.data?.items : undefined;
  const [creating, setCreating] = useState(false);
  // The dialog's strategies, read with the page as when the dialog rendered with it.
  useStrategies();
  if (isPending) return <Skeleton className="h-80" />;
  if (error)
    return (
      <ErrorState
        title="Pockets could not load"
        message={error.message}
        onRetry={() => refetch()}
      />
    );
  const totals = pocketTotals(data.items);

  return (
    <Card
      title={`Pockets (${data.items.length})`}
      action={
        canManage && (
          <Button onClick={() => setCreating(true)}>
            <Plus aria-hidden="true" className="size-4" /> Open a pocket
          </Button>
        )
      }
    >
      <ScrollRegion label="Pockets table">
        <table className="w-full text-sm">
          <TableHead columns={POCKET_COLUMNS} />
          <tbody>
            {data.items.map((p) => (
              <tr
                key={p.id}
                data-testid={`pocket-row-${p.pocket_name}`}
                className="border-b border-ink-100 last:border-0 dark:border-ink-800"
              >
                <th scope="row" className="py-2.5 pr-4 text-left font-medium">
                  <Link
                    href={`/pockets/${p.id}`}
                    className="text-brand-700 hover:underline dark:text-brand-300"
                  >
                    {p.pocket_name}
                  </Link>
                </th>
                <td className="py-2.5 pr-4">
                  <Badge tone={STATUS_TONE[p.status]}>
                    {labelFor(POCKET_STATUS_LABELS, p.status)}
                  </Badge>
                </td>
                <td className="py-2.5 pr-4">{strategyLabel(p.deposit_strategy_id)}</td>
                <td className="py-2.5 pr-4 text-right tabular-nums">
                  {p.portfolio ? formatCents(p.portfolio.total_value.value) : "—"}
                </td>
                <AvailableCell entry={available?.find((a) => a.pocketId === p.id)} />
                <td className="py-2.5 pr-4 text-right tabular-nums">
                  {p.portfolio ? formatRate(p.portfolio.current_yield) : "—"}
                </td>
                <td className="py-2.5 text-right tabular-nums">
                  {p.portfolio ? formatCents(p.portfolio.all_time_earnings.value) : "—"}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr
              data-testid="pockets-total"
              className="border-t-2 border-ink-200 font-semibold dark:border-ink-700"
            >
              <th scope="row" colSpan={3} className="py-2.5 pr-4 text-left">
                Total
              </th>
              <td className="py-2.5 pr-4 text-right tabular-nums" data-testid="pockets-total-value">
                {formatCents(totals.valueCents)}
              </td>
              <td
                className="py-2.5 pr-4 text-right tabular-nums"
                data-testid="pockets-total-available"
              >
                {available
                  ? formatCents(available.reduce((sum, a) => sum + a.availableCents, 0))
                  : "—"}
              </td>
              <td className="py-2.5 pr-4 text-right tabular-nums" data-testid="pockets-total-yield">
                {formatRate(totals.yield)}
              </td>
              <td className="py-2.5 text-right tabular-nums" data-testid="pockets-total-earnings">
                {formatCents(totals.earningsCents)}
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <Deferred when={creating}>
        <CreatePocketDialog open={creating} onOpenChange={setCreating} />
      </Deferred>
    </Card>
  );
}

function AvailableCell({
  entry,
}: {
  entry?: { availableCents: number; holdsCents: number; pendingCount: number };
}) {
  return (
    <td className="py-2.5 pr-4 text-right tabular-nums" data-testid="pocket-available">
      {entry ? formatCents(entry.availableCents) : "—"}
      {entry && entry.pendingCount > 0 && (
        <span className="block text-xs font-normal text-ink-600 dark:text-ink-300">
          {formatCents(entry.holdsCents)} held by {entry.pendingCount} pending
        </span>
      )}
    </td>
  );
}
