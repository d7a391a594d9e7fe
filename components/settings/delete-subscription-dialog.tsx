"use client";

import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { FormError } from "@/components/ui/form-error";
import type { ListedSubscription } from "./answers";
import { useDeleteSubscription } from "./hooks";

/** Deleting stops every delivery to the URL; its secret is forgotten here too. */
export function DeleteSubscriptionDialog({
  subscription,
  onClose,
}: {
  subscription: ListedSubscription;
  onClose: () => void;
}) {
  const remove = useDeleteSubscription();
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Delete this subscription?"
      description={
        <>
          Jiko stops delivering events to{" "}
          <span className="break-all font-mono">{subscription.url}</span>.
          {subscription.delivers_here &&
            " This dashboard then polls Jiko's events instead, unless another subscription delivers here."}
        </>
      }
    >
      <FormError message={remove.error?.message} />
      <DialogActions
        onCancel={onClose}
        label="Delete subscription"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        danger
        onConfirm={() => remove.mutate(subscription.id, { onSuccess: onClose })}
      />
    </Dialog>
  );
}
