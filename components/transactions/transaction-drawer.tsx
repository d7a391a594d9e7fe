"use client";

import { Dialog } from "@/components/ui/dialog";
import { formatDateTime } from "@/lib/dates";
import type { Transaction } from "@/lib/jiko/transactions";
import { FEE_TYPE_LABELS, labelFor, TRANSACTION_STATUS_LABELS } from "@/lib/labels";
import { formatCents } from "@/lib/money";
import { TYPE_LABELS } from "./labels";

/** Field names as people read them; any field Jiko adds later still shows, under its own name. */
const FIELD_LABELS: Record<string, string> = {
  id: "Activity id",
  transaction_id: "Transaction id",
  description: "Description",
  amount: "Amount",
  time_booked: "Booked",
  time_settled: "Settled",
  status: "Status",
  title: "Title",
  direction: "Direction",
  pocket_id: "Pocket",
  customer_id: "Customer id",
  remittance_information: "Remittance information",
  type: "Type",
  company_name: "Company",
  company_entry_description: "Entry description",
  individual_identification_number: "Individual id number",
  trace_number: "Trace number",
  ach_id: "ACH id",
  ach_direction: "ACH direction",
  portal_id: "Portal id",
  wire_id: "Wire id",
  counterparty_name: "Counterparty",
  imad: "IMAD",
  omad: "OMAD",
  card_id: "Card id",
  card_last4: "Card",
  merchant_name: "Merchant",
  on_us_id: "Transfer id",
  counterparty_pocket_id: "Other pocket",
  fee_type: "Fee type",
  reason: "Reason",
};

function show(key: string, value: unknown, pocketName: (id: string) => string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (key === "amount") {
    const m = value as Transaction["amount"];
    return `${formatCents(m.value)} ${m.currency}`;
  }
  if (key.startsWith("time_")) return formatDateTime(String(value));
  if (key === "pocket_id" || key === "counterparty_pocket_id") return pocketName(String(value));
  if (key === "type") return TYPE_LABELS[value as Transaction["type"]] ?? String(value);
  if (key === "direction") return value === "CREDIT" ? "Money in" : "Money out";
  if (key === "status") return labelFor(TRANSACTION_STATUS_LABELS, String(value));
  if (key === "fee_type") return labelFor(FEE_TYPE_LABELS, String(value));
  if (key === "card_last4") return `•••• ${value}`;
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${k.replaceAll("_", " ")}: ${String(v)}`)
      .join("\n");
  }
  return String(value);
}

/** Every field of the transaction's variant, as Jiko sent it. */
export function TransactionDrawer({
  transaction,
  pocketName,
  onClose,
}: {
  transaction: Transaction | undefined;
  pocketName: (id: string) => string;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={transaction !== undefined}
      onOpenChange={(open) => !open && onClose()}
      title={transaction?.title ?? "Transaction"}
      description={
        transaction && `${TYPE_LABELS[transaction.type]} · ${formatCents(transaction.amount.value)}`
      }
      placement="right"
    >
      {transaction && (
        <dl
          className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-2 text-sm"
          data-testid="transaction-detail"
        >
          {Object.entries(transaction).map(([key, value]) => (
            <div key={key} className="contents" data-field={key}>
              <dt className="text-ink-600 dark:text-ink-300">{FIELD_LABELS[key] ?? key}</dt>
              <dd className="break-words whitespace-pre-line tabular-nums">
                {show(key, value, pocketName)}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Dialog>
  );
}
