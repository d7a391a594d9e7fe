"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { usePockets } from "@/components/pockets/use-pockets";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { RestoredNotice } from "@/components/ui/restored-notice";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { ApiClientError } from "@/lib/api-client";
import { counterpartyLabel } from "@/lib/jiko/counterparty-label";
import { formatCents } from "@/lib/money";
import {
  BLANK_TRANSFER,
  formFieldOf,
  NewTransferForm,
  PAYABLE_TYPES,
  toTransferRequest,
} from "@/lib/transfers/new-transfer";
import { useAvailable, useCreateTransfer, usePayablePayees, useReviewers } from "./hooks";
import { dropTransferDraft, keepTransferDraft, readTransferDraft } from "./transfer-draft";
import { TransferReview } from "./transfer-review";

/**
 * A transfer in two steps: fill it in, then read it back restated in full before asking for it.
 * The transfer's id is minted once for this form, so a double click, a retry after a lost answer
 * or a second press after an error all name the same transfer, and Jiko never makes two. The
 * form is kept in the tab as it is filled in (./transfer-draft.ts) and brought back when the
 * person returns to this page, through a sign-in among other ways; `owner` is their membership.
 */
export function NewTransfer({ owner }: { owner: string }) {
  const router = useRouter();
  const [transferId, setTransferId] = useState(() => crypto.randomUUID());
  const [restored, setRestored] = useState(false);
  const [reviewing, setReviewing] = useState<NewTransferForm | null>(null);
  // A second press before the first answer is ignored here; were it sent, the same id holds.
  const sending = useRef(false);
  const available = useAvailable();
  const payees = usePayablePayees();
  const pockets = usePockets();
  const reviewers = useReviewers();
  const create = useCreateTransfer();
  const form = useForm<NewTransferForm>({
    resolver: zodResolver(NewTransferForm),
    defaultValues: BLANK_TRANSFER,
  });
  const { errors } = form.formState;
  const values = form.watch();

  // After the first render, not in it: the server rendered the blank form, and the draft lives
  // only in this tab.
  useEffect(() => {
    const draft = readTransferDraft(owner);
    if (!draft) return;
    form.reset(draft.values);
    setTransferId(draft.transferId);
    setRestored(true);
  }, [owner, form]);
  useEffect(() => {
    const { unsubscribe } = form.watch((now) => keepTransferDraft(owner, transferId, now));
    return unsubscribe;
  }, [owner, transferId, form]);
  const startOver = () => {
    dropTransferDraft();
    form.reset(BLANK_TRANSFER);
    setTransferId(crypto.randomUUID());
    setRestored(false);
  };

  if (available.isPending || payees.isPending) return <Skeleton className="h-96" />;
  const open = available.data?.items ?? [];
  const payable = (payees.data?.items ?? []).filter((p) => PAYABLE_TYPES.includes(p.type));
  const origin = open.find((p) => p.pocketId === values.origin_pocket_id);

  const send = async () => {
    if (!reviewing || sending.current) return;
    sending.current = true;
    try {
      const body = toTransferRequest(reviewing, transferId, payable);
      const made = await create.mutateAsync(body);
      dropTransferDraft();
      toast.success("Transfer requested: it now waits for a reviewer's approval");
      router.push(`/transfers?view=mine&made=${made?.id ?? transferId}`);
    } catch (error) {
      sending.current = false;
      setReviewing(null);
      if (error instanceof ApiClientError && error.issues?.length) {
        for (const issue of error.issues) {
          form.setError(formFieldOf(issue.path), { message: issue.message });
        }
      } else {
        form.setError("root", {
          message: error instanceof Error ? error.message : "Something went wrong.",
        });
      }
    }
  };

  if (reviewing) {
    return (
      <TransferReview
        form={reviewing}
        available={open}
        payees={payable}
        pockets={pockets.data?.items ?? []}
        reviewers={reviewers.data?.items ?? []}
        pending={create.isPending}
        onEdit={() => setReviewing(null)}
        onSend={send}
      />
    );
  }

  return (
    <Card title="New transfer">
      <form
        aria-label="New transfer"
        noValidate
        onSubmit={form.handleSubmit((v) => setReviewing(v))}
        className="max-w-2xl space-y-5"
      >
        <FormError message={errors.root?.message} />
        {restored && (
          <RestoredNotice
            action={
              <Button variant="ghost" onClick={startOver}>
                Start over
              </Button>
            }
          >
            This is the transfer you were filling in, as you left it.
          </RestoredNotice>
        )}
        <Field id="t-from" label="From pocket" error={errors.origin_pocket_id?.message}>
          <Select
            id="t-from"
            invalid={!!errors.origin_pocket_id}
            {...form.register("origin_pocket_id")}
          >
            <option value="">Choose a pocket</option>
            {open.map((p) => (
              <option key={p.pocketId} value={p.pocketId}>
                {p.pocketName} · {formatCents(p.availableCents)} available
              </option>
            ))}
          </Select>
        </Field>
        {origin && (
          <p
            className="-mt-3 text-xs text-ink-600 dark:text-ink-300"
            data-testid="origin-available"
          >
            Value {formatCents(origin.valueCents)}
            {origin.holdsCents > 0 &&
              `, less ${formatCents(origin.holdsCents)} held by ${origin.pendingCount} pending request${origin.pendingCount === 1 ? "" : "s"}`}
            : {formatCents(origin.availableCents)} available.
          </p>
        )}

        <fieldset>
          <legend className="text-sm font-medium">To</legend>
          <div className="mt-1 flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" value="payee" {...form.register("to")} /> A payee
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" value="pocket" {...form.register("to")} /> Another of our pockets
            </label>
          </div>
        </fieldset>

        {values.to === "payee" ? (
          <Field
            id="t-payee"
            label="Payee"
            hint="Verified payees that can receive wires or JikoNet transfers. Add payees on the Payees page."
            error={errors.counterparty_id?.message}
          >
            <Select
              id="t-payee"
              invalid={!!errors.counterparty_id}
              {...form.register("counterparty_id")}
            >
              <option value="">Choose a payee</option>
              {payable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} · {counterpartyLabel(c)}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="t-to-pocket" label="To pocket" error={errors.destination_pocket_id?.message}>
              <Select
                id="t-to-pocket"
                invalid={!!errors.destination_pocket_id}
                {...form.register("destination_pocket_id")}
              >
                <option value="">Choose a pocket</option>
                {open
                  .filter((p) => p.pocketId !== values.origin_pocket_id)
                  .map((p) => (
                    <option key={p.pocketId} value={p.pocketId}>
                      {p.pocketName}
                    </option>
                  ))}
              </Select>
            </Field>
            <Field
              id="t-kind"
              label="How"
              hint={
                values.transfer_type === "SECURITY_TRANSFER"
                  ? "The bills themselves move, at once; JikoNet pockets only."
                  : "Bills are sold here and bought there; settles the next business day."
              }
            >
              <Select id="t-kind" {...form.register("transfer_type")}>
                <option value="BANK_TRANSFER">Move cash (sell and buy bills)</option>
                <option value="SECURITY_TRANSFER">Move the bills themselves</option>
              </Select>
            </Field>
          </div>
        )}

        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="t-amount"
            label="Amount (USD)"
            hint="For example 25,000 or $1,250.50"
            error={errors.amount?.message}
          >
            <Input
              id="t-amount"
              inputMode="decimal"
              autoComplete="off"
              disabled={values.everything}
              invalid={!!errors.amount}
              {...form.register("amount")}
            />
          </Field>
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" {...form.register("everything")} />
            Everything available{origin ? ` (${formatCents(origin.availableCents)})` : ""}
          </label>
        </div>

        <Field
          id="t-memo"
          label="Memo (optional)"
          hint="The payee sees it with the payment; up to 140 characters"
          error={errors.description?.message}
        >
          <Input
            id="t-memo"
            autoComplete="off"
            invalid={!!errors.description}
            {...form.register("description")}
          />
        </Field>

        <fieldset>
          <legend className="text-sm font-medium">Reviewers (optional)</legend>
          <p className="text-xs text-ink-600 dark:text-ink-300">
            Name who may approve it; with none named, any reviewer but you may.
          </p>
          {errors.reviewers?.message && (
            <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
              {errors.reviewers.message}
            </p>
          )}
          <div className="mt-2 grid gap-1 sm:grid-cols-2">
            {(reviewers.data?.items ?? []).map((u) => (
              <label key={u.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={u.id} {...form.register("reviewers")} />
                {u.name}
              </label>
            ))}
          </div>
        </fieldset>

        <div className="flex justify-end gap-2">
          <Button
            variant="secondary"
            onClick={() => {
              dropTransferDraft();
              router.push("/transfers");
            }}
          >
            Cancel
          </Button>
          <Button type="submit">Review transfer</Button>
        </div>
      </form>
    </Card>
  );
}
