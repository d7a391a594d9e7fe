"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Field, Input } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useDialogForm } from "@/components/ui/form-helpers";
import { toast } from "@/components/ui/toast";
import { apiSend } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { CreateSavedView } from "@/lib/saved-views";
import { answers } from "./hooks";

/** Saves a view; its mutation comes with this dialog, not with the page. */
function useSaveView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: CreateSavedView) =>
      apiSend("POST", "/api/saved-views", answers("SavedView"), v),
    onSuccess: (view) => {
      toast.success(`Saved the view “${view.name}”`);
      return client.invalidateQueries({ queryKey: queryKeys.savedViews(view.page) });
    },
  });
}

/** Saves the filters on screen (`search`) under a name. */
export function SaveViewDialog({
  open,
  onOpenChange,
  search,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  search: string;
}) {
  const save = useSaveView();
  const { form, submit, errors, isSubmitting } = useDialogForm(
    CreateSavedView,
    { page: "transactions", name: "", search },
    save.mutateAsync,
    () => onOpenChange(false),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Save this view"
      description="The filters on screen, under a name only you see, for this team."
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={errors.root?.message} />
        <Field id="view-name" label="Name" error={errors.name?.message}>
          <Input
            id="view-name"
            autoComplete="off"
            invalid={!!errors.name}
            {...form.register("name")}
          />
        </Field>
        <DialogActions
          onCancel={() => onOpenChange(false)}
          label="Save view"
          pendingLabel="Saving…"
          pending={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
