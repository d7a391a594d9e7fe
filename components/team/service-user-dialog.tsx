"use client";

import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Field, Input } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useDialogForm } from "@/components/ui/form-helpers";
import { RestoredNotice } from "@/components/ui/restored-notice";
import { CreateServiceUserRequest } from "@/lib/jiko/team";
import { useCreateServiceUser } from "./hooks";
import { RoleField } from "./role-field";
import { SERVICE_USER_DRAFT } from "./team-drafts";

/** Adds an API-only member; `owner` (the admin's membership) owns the kept draft. */
export function ServiceUserDialog({
  open,
  onOpenChange,
  owner,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  owner: string;
}) {
  const create = useCreateServiceUser();
  const { submit, errors, isSubmitting, form, restored, discard } = useDialogForm(
    CreateServiceUserRequest,
    { name: "", email: "", role: "READ_ONLY" },
    create.mutateAsync,
    () => onOpenChange(false),
    { name: SERVICE_USER_DRAFT, owner },
  );
  // Cancelled or closed, the dialog forgets what was typed: the next opening starts blank.
  const setOpen = (o: boolean) => {
    if (!o) discard();
    onOpenChange(o);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Add a service user"
      description="A member that reaches Jiko by API only, for an accounting or treasury system. It cannot sign in on the portal."
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={errors.root?.message} />
        {restored && (
          <RestoredNotice>
            This is the service user you were adding, as you left it. It has not been sent.
          </RestoredNotice>
        )}
        <Field
          id="svc-name"
          label="Name"
          hint="What it is, e.g. “ERP sync”"
          error={errors.name?.message}
        >
          <Input
            id="svc-name"
            autoComplete="off"
            invalid={!!errors.name}
            {...form.register("name")}
          />
        </Field>
        <Field
          id="svc-email"
          label="Contact email"
          hint="Who looks after it"
          error={errors.email?.message}
        >
          <Input
            id="svc-email"
            type="email"
            autoComplete="off"
            invalid={!!errors.email}
            {...form.register("email")}
          />
        </Field>
        <RoleField
          id="svc-role"
          error={errors.role?.message}
          registration={form.register("role")}
        />
        <DialogActions
          onCancel={() => setOpen(false)}
          label="Add service user"
          pendingLabel="Adding…"
          pending={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
