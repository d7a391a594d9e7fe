"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { FormError } from "@/components/ui/form-error";
import type { TransferRequest } from "@/lib/jiko/transfers";
import { formatCents } from "@/lib/money";
import { useCancelTransfer } from "./hooks";

/** Asks before cancelling a transfer request that still waits for approval. */
export function CancelDialog({
  request,
  amount,
  onClose,
}: {
  request: TransferRequest;
  amount: number | null;
  onClose: () => void;
}) {
  const cancel = useCancelTransfer();
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Cancel this request?"
      description={`The request for ${amount === null ? "everything available" : formatCents(amount)} stops waiting for approval. Nothing has moved yet.`}
    >
      <FormError message={error} />
      <DialogActions
        cancelLabel="Keep it"
        onCancel={onClose}
        label="Cancel request"
        pendingLabel="Cancelling…"
        pending={cancel.isPending}
        danger
        onConfirm={() =>
          cancel.cancel(request, amount).then(onClose, (e: Error) => setError(e.message))
        }
      />
    </Dialog>
  );
}
