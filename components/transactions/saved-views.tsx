"use client";

import { Bookmark, Trash2 } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Field, Input, Select } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useDialogForm } from "@/components/ui/form-helpers";
import { CreateSavedView } from "@/lib/saved-views";
import { useDeleteView, useSavedViews, useSaveView } from "./hooks";

/** Named views of the filters: open one, save the filters on screen under a name, delete one. */
export function SavedViews({ search }: { search: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const views = useSavedViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const [saving, setSaving] = useState(false);
  const current = views.data?.items.find((v) => v.search === search);
  const { form, submit, errors, isSubmitting } = useDialogForm(
    CreateSavedView,
    { page: "transactions", name: "", search },
    save.mutateAsync,
    () => setSaving(false),
  );

  return (
    <div className="flex flex-wrap items-end gap-2">
      <Field id="saved-view" label="Saved views">
        <Select
          id="saved-view"
          value={current?.id ?? ""}
          onChange={(e) => {
            const view = views.data?.items.find((v) => v.id === e.target.value);
            if (view)
              router.push(view.search ? `${pathname}?${view.search}` : pathname, { scroll: false });
          }}
          disabled={!views.data?.items.length}
        >
          <option value="">
            {views.data?.items.length ? "Choose a view…" : "No saved views yet"}
          </option>
          {views.data?.items.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </Select>
      </Field>
      {current ? (
        <Button
          variant="ghost"
          onClick={() => remove.mutate(current)}
          disabled={remove.isPending}
          aria-label={`Delete the view “${current.name}”`}
        >
          <Trash2 aria-hidden="true" className="size-4" /> Delete view
        </Button>
      ) : (
        <Button
          variant="ghost"
          onClick={() => {
            form.reset({ page: "transactions", name: "", search });
            setSaving(true);
          }}
        >
          <Bookmark aria-hidden="true" className="size-4" /> Save view
        </Button>
      )}
      <Dialog
        open={saving}
        onOpenChange={setSaving}
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
            onCancel={() => setSaving(false)}
            label="Save view"
            pendingLabel="Saving…"
            pending={isSubmitting}
          />
        </form>
      </Dialog>
    </div>
  );
}
