"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { RestoredNotice } from "@/components/ui/restored-notice";
import { toast } from "@/components/ui/toast";
import { formatCents } from "@/lib/money";
import type { ReviewItem } from "@/lib/transfers/review";
import { DENY_REASON_MAX, dropDenyDraft, keepDenyDraft } from "./deny-draft";
import { useDecide } from "./hooks";

/**
 * Approve, or deny with a reason the requester will read; either only after saying so twice. The
 * reason is kept in the tab as it is typed (./deny-draft.ts), for `owner` (the person's
 * membership); `restoredReason` is one brought back after a sign-in.
 */
export function DecisionDialog({
  item,
  decision,
  owner,
  restoredReason,
  onClose,
}: {
  item: ReviewItem;
  decision: "APPROVED" | "DENIED";
  owner: string;
  restoredReason?: string;
  onClose: () => void;
}) {
  const decide = useDecide();
  const [reason, setReason] = useState(restoredReason ?? "");
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const amount = formatCents(item.amountCents);
  const approve = decision === "APPROVED";

  const confirm = async () => {
    setError(null);
    if (!approve && !reason.trim()) {
      setReasonError("Say why the request is denied: the requester reads it.");
      return;
    }
    try {
      await decide.mutateAsync({
        id: item.request.id,
        decision: approve ? { status: "APPROVED" } : { status: "DENIED", reason: reason.trim() },
      });
      dropDenyDraft();
      toast.success(
        approve
          ? `Approved: ${amount} to ${item.payee.name}`
          : `Denied: ${amount} to ${item.payee.name}`,
      );
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Something went wrong.");
    }
  };

  // Cancelled: the reason is let go with the dialog.
  const cancel = () => {
    dropDenyDraft();
    onClose();
  };

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && cancel()}
      title={approve ? "Approve this transfer?" : "Deny this transfer?"}
      description={`${amount} from ${item.pocket.name} to ${item.payee.name}, requested by ${item.request.created_by.name}.`}
    >
      <div className="space-y-4">
        <FormError message={error} />
        {approve ? (
          <p className="text-sm">
            The money leaves once you approve ({item.settlement.rail}: {item.settlement.timing}).
            {item.plan.sales.length > 0 &&
              ` Bills are sold to fund it, giving up ${formatCents(item.plan.forgoneCents)} of earnings.`}
          </p>
        ) : (
          <>
            {restoredReason && (
              <RestoredNotice>
                This is the denial you were writing, as you left it. It has not been sent.
              </RestoredNotice>
            )}
            <Field id="deny-reason" label="Reason" error={reasonError ?? undefined}>
              <textarea
                id="deny-reason"
                rows={3}
                maxLength={DENY_REASON_MAX}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  keepDenyDraft(owner, item.request.id, e.target.value);
                  setReasonError(null);
                }}
                aria-invalid={reasonError ? true : undefined}
                aria-describedby={reasonError ? "deny-reason-error" : undefined}
                className="mt-1 block w-full rounded-md border border-ink-300 bg-white px-3 py-2 text-sm dark:border-ink-600 dark:bg-ink-950"
              />
            </Field>
          </>
        )}
        <DialogActions
          onCancel={cancel}
          label={approve ? `Approve ${amount}` : "Deny request"}
          pendingLabel={approve ? "Approving…" : "Denying…"}
          pending={decide.isPending}
          danger={!approve}
          onConfirm={confirm}
        />
      </div>
    </Dialog>
  );
}
