"use client";

import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { FormError } from "@/components/ui/form-error";
import type { Counterparty } from "@/lib/jiko/counterparties";
import { counterpartyLabel } from "@/lib/jiko/counterparty-label";
import { useUnlinkPayee } from "./hooks";

/** Unlinking is final for money: the payee stays in history, nothing more moves to it. */
export function UnlinkDialog({ payee, onClose }: { payee: Counterparty; onClose: () => void }) {
  const unlink = useUnlinkPayee();
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Unlink ${payee.name}?`}
      description={
        <>
          {counterpartyLabel(payee)}. No money can be sent to it any more, and pending transfer
          requests to it cannot be approved. Its past payments stay in your history.
        </>
      }
    >
      <FormError message={unlink.error?.message} />
      <DialogActions
        onCancel={onClose}
        label={`Unlink ${payee.name}`}
        pendingLabel="Unlinking…"
        pending={unlink.isPending}
        danger
        onConfirm={() => unlink.mutate(payee, { onSuccess: onClose })}
      />
    </Dialog>
  );
}
