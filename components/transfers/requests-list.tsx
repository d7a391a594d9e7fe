"use client";

import { lazy, useState } from "react";
import { usePockets } from "@/components/pockets/use-pockets";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Deferred } from "@/components/ui/deferred";
import { EmptyMessage, QueryView } from "@/components/ui/query-view";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { stacked } from "@/components/ui/stacked-rows";
import { TableHead } from "@/components/ui/table-head";
import { formatDateTime } from "@/lib/dates";
import type { TransferRequest } from "@/lib/jiko/transfers";
import { formatCents } from "@/lib/money";
import {
  REQUEST_STATUS_LABELS,
  REQUEST_STATUS_TONES,
  TRANSFER_STATUS_LABELS,
} from "@/lib/transfers/labels";
import { payeeOf } from "@/lib/transfers/review";
import { useAllPayees, useTransferRequests } from "./hooks";

// The confirmation (Radix's dialog) loads when first asked for (see Deferred).
const CancelDialog = lazy(() =>
  import("./cancel-dialog").then((m) => ({ default: m.CancelDialog })),
);

const COLUMNS = ["Requested", "From → to", "Amount", "Status", "People"].map((label) => ({
  label,
}));

const amountOf = (r: TransferRequest) =>
  r.amount?.value ??
  (r.transfer.amount.type === "REQUESTED_AMOUNT" ? r.transfer.amount.amount_usdc : null);

/** A list of transfer requests: mine (with cancel while pending), or the decided history. */
export function RequestsList({
  view,
  memberId,
  highlight,
}: {
  view: "mine" | "decided" | "all";
  memberId: string;
  highlight?: string;
}) {
  const requests = useTransferRequests(view);
  const payees = useAllPayees();
  const pockets = usePockets();
  const [cancelling, setCancelling] = useState<TransferRequest | null>(null);
  const names = {
    pockets: pockets.data?.items ?? [],
    counterparties: payees.data?.items ?? [],
  };
  const pocketName = (id: string) =>
    names.pockets.find((p) => p.id === id)?.pocket_name ?? "A pocket";

  return (
    <>
      <QueryView
        query={requests}
        what="Transfer requests"
        skeleton={<Skeleton className="h-64" />}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyMessage>
            {view === "mine"
              ? "You have not requested any transfers yet."
              : "No decided requests yet."}
          </EmptyMessage>
        }
      >
        {(data) => (
          <ScrollRegion
            label="Transfer requests table"
            className="rounded-xl border border-ink-200 bg-white px-4 dark:border-ink-800 dark:bg-ink-900"
          >
            <table className={`w-full text-sm ${stacked.table}`} data-testid="requests-table">
              <TableHead columns={COLUMNS} stacked />
              <tbody className={stacked.body}>
                {data.items.map((r) => {
                  const amount = amountOf(r);
                  const payee = payeeOf(r, names);
                  return (
                    <tr
                      key={r.id}
                      data-testid="request-row"
                      data-id={r.id}
                      data-status={r.status}
                      className={`border-t border-ink-100 align-top dark:border-ink-800 ${stacked.row} ${r.id === highlight ? "bg-brand-50 dark:bg-brand-950" : ""}`}
                    >
                      <td
                        data-label="Requested"
                        className={`py-3 pr-4 ${stacked.cell} ${stacked.labelled}`}
                      >
                        {formatDateTime(r.time_created)}
                      </td>
                      <td
                        data-label="From → to"
                        className={`py-3 pr-4 ${stacked.cell} ${stacked.labelled} ${stacked.wide}`}
                      >
                        {pocketName(r.transfer.origin_pocket_id)} → {payee.name}
                        {r.transfer.description && (
                          <span className="block text-xs text-ink-600 dark:text-ink-300">
                            {r.transfer.description}
                          </span>
                        )}
                      </td>
                      <td
                        data-label="Amount"
                        className={`py-3 pr-4 tabular-nums ${stacked.cell} ${stacked.labelled}`}
                      >
                        {amount === null ? "Everything available" : formatCents(amount)}
                      </td>
                      <td
                        data-label="Status"
                        className={`py-3 pr-4 ${stacked.cell} ${stacked.labelled}`}
                      >
                        <span data-testid="request-status">
                          <Badge tone={REQUEST_STATUS_TONES[r.status]}>
                            {REQUEST_STATUS_LABELS[r.status]}
                          </Badge>
                        </span>
                        {r.transfer_status && (
                          <span className="ml-1" data-testid="transfer-status">
                            <Badge tone={r.transfer_status === "REJECTED" ? "danger" : "neutral"}>
                              {TRANSFER_STATUS_LABELS[r.transfer_status]}
                            </Badge>
                          </span>
                        )}
                        {r.status === "PENDING" && (
                          <span className="block text-xs text-ink-600 dark:text-ink-300">
                            Expires {formatDateTime(r.time_expires)}
                          </span>
                        )}
                      </td>
                      <td
                        data-label="People"
                        className={`py-3 pr-4 ${stacked.cell} ${stacked.labelled} ${stacked.wide}`}
                      >
                        <span className="block">By {r.created_by.name}</span>
                        {r.decided_by && r.time_decided && (
                          <span className="block text-xs text-ink-600 dark:text-ink-300">
                            {r.status === "APPROVED" ? "Approved" : "Denied"} by {r.decided_by.name}
                            , {formatDateTime(r.time_decided)}
                            {r.decision_reason ? `: “${r.decision_reason}”` : ""}
                          </span>
                        )}
                        {r.status === "PENDING" && r.created_by.id === memberId && (
                          <Button
                            variant="secondary"
                            className="mt-2 px-2 py-1 text-xs"
                            onClick={() => setCancelling(r)}
                            aria-label={`Cancel request of ${formatDateTime(r.time_created)}`}
                          >
                            Cancel request
                          </Button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </QueryView>
      <Deferred when={!!cancelling}>
        {cancelling && (
          <CancelDialog
            request={cancelling}
            amount={amountOf(cancelling)}
            onClose={() => setCancelling(null)}
          />
        )}
      </Deferred>
    </>
  );
}
