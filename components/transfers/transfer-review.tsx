"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/lib/dates";
import type { Counterparty } from "@/lib/jiko/counterparties";
import { counterpartyLabel } from "@/lib/jiko/counterparty-label";
import type { Pocket } from "@/lib/jiko/pockets";
import { type DualAuthUser, expectedSettlement } from "@/lib/jiko/transfers";
import { formatCents } from "@/lib/money";
import { fundingPlan } from "@/lib/transfers/funding-plan";
import { type NewTransferForm, toTransferRequest } from "@/lib/transfers/new-transfer";
import { parseTypedDollars } from "@/lib/typed-dollars";
import type { AvailableList } from "./answers";

/** The transfer restated in full, with what it does to the pocket, before it is requested. */
export function TransferReview({
  form,
  available,
  payees,
  pockets,
  reviewers,
  pending,
  onEdit,
  onSend,
}: {
  form: NewTransferForm;
  available: AvailableList["items"];
  payees: readonly Counterparty[];
  pockets: readonly Pocket[];
  reviewers: readonly DualAuthUser[];
  pending: boolean;
  onEdit: () => void;
  onSend: () => void;
}) {
  const origin = available.find((p) => p.pocketId === form.origin_pocket_id);
  const availableCents = origin?.availableCents ?? 0;
  const typed = parseTypedDollars(form.amount);
  const amount = form.everything ? availableCents : typed.ok ? typed.cents : 0;
  const payee = payees.find((p) => p.id === form.counterparty_id);
  const toPocket = available.find((p) => p.pocketId === form.destination_pocket_id);
  const spec = toTransferRequest(form, "00000000-0000-4000-8000-000000000000", payees).transfer;
  const settlement = expectedSettlement(spec);
  const portfolio = pockets.find((p) => p.id === form.origin_pocket_id)?.portfolio;
  const plan = portfolio ? fundingPlan(portfolio, amount) : null;
  const named = reviewers.filter((r) => form.reviewers.includes(r.id));
  const over = amount > availableCents;

  const rows: [string, string][] = [
    ["From", origin?.pocketName ?? "—"],
    [
      "To",
      form.to === "pocket"
        ? `${toPocket?.pocketName ?? "—"} (our pocket)`
        : payee
          ? `${payee.name} · ${counterpartyLabel(payee)}`
          : "—",
    ],
    [
      "Amount",
      form.everything
        ? `Everything available: ${formatCents(amount)} today, fixed when approved`
        : formatCents(amount),
    ],
    ["Rail", settlement.rail],
    ["Arrives", settlement.timing],
    ["Available after", formatCents(availableCents - amount)],
    ["Memo", form.description.trim() || "—"],
    ["Reviewers", named.length ? named.map((r) => r.name).join(", ") : "Any reviewer but you"],
  ];

  return (
    <Card title="Review the transfer">
      <div className="max-w-2xl space-y-5" data-testid="transfer-review">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-ink-600 dark:text-ink-300">{k}</dt>
              <dd className="font-medium wrap-anywhere">{v}</dd>
            </div>
          ))}
        </dl>
        {over && (
          <p
            role="alert"
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
          >
            More than the {formatCents(availableCents)} available in {origin?.pocketName}.
          </p>
        )}
        {plan && plan.sales.length > 0 && (
          <div className="text-sm">
            <h3 className="font-medium">Bills sold to fund it, if approved today</h3>
            <ul className="mt-1 space-y-1 text-ink-700 dark:text-ink-200">
              {plan.sales.map((s) => (
                <li key={s.cusip}>
                  {s.whole ? "All of" : "Part of"} the bill maturing{" "}
                  {formatDate(`${s.maturityDate}T12:00:00Z`)} ({s.cusip}):{" "}
                  {formatCents(s.proceedsCents)}, giving up {formatCents(s.forgoneCents)} of
                  earnings
                </li>
              ))}
            </ul>
            <p className="mt-1 text-ink-600 dark:text-ink-300">
              {plan.fromCashCents > 0 && `${formatCents(plan.fromCashCents)} comes from cash. `}
              Earnings given up in all: {formatCents(plan.forgoneCents)}.
            </p>
          </div>
        )}
        <p className="text-sm text-ink-600 dark:text-ink-300">
          Nothing moves until a reviewer approves it. You can cancel it while it waits.
        </p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onEdit} disabled={pending}>
            Back to edit
          </Button>
          <Button onClick={onSend} disabled={pending || over}>
            {pending ? "Requesting…" : "Request transfer"}
          </Button>
        </div>
      </div>
    </Card>
  );
}
