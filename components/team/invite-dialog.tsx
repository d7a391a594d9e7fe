"use client";

import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Field, Input } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useDialogForm } from "@/components/ui/form-helpers";
import { RestoredNotice } from "@/components/ui/restored-notice";
import { InviteMemberRequest } from "@/lib/jiko/team";
import { useInvite } from "./hooks";
import { RoleField } from "./role-field";
import { INVITE_DRAFT } from "./team-drafts";

/** Invites a person to the team; `owner` (the admin's membership) owns the kept draft. */
export function InviteDialog({
  open,
  onOpenChange,
  teamName,
  owner,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  teamName: string;
  owner: string;
}) {
  const invite = useInvite();
  const { form, submit, errors, isSubmitting, restored, discard } = useDialogForm(
    InviteMemberRequest,
    { first_name: "", last_name: "", email: "", phone_number: "", role: "READ_ONLY" },
    invite.mutateAsync,
    () => onOpenChange(false),
    { name: INVITE_DRAFT, owner },
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
      title="Invite a member"
      description={`Jiko emails them a link to join ${teamName} and texts a code to their phone.`}
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={errors.root?.message} />
        {restored && (
          <RestoredNotice>
            This is the invitation you were writing, as you left it. It has not been sent.
          </RestoredNotice>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="invite-first" label="First name" error={errors.first_name?.message}>
            <Input
              id="invite-first"
              autoComplete="off"
              invalid={!!errors.first_name}
              {...form.register("first_name")}
            />
          </Field>
          <Field id="invite-last" label="Last name" error={errors.last_name?.message}>
            <Input
              id="invite-last"
              autoComplete="off"
              invalid={!!errors.last_name}
              {...form.register("last_name")}
            />
          </Field>
        </div>
        <Field id="invite-email" label="Email" error={errors.email?.message}>
          <Input
            id="invite-email"
            type="email"
            autoComplete="off"
            invalid={!!errors.email}
            {...form.register("email")}
          />
        </Field>
        <Field
          id="invite-phone"
          label="Mobile phone"
          hint="For the sign-in codes, e.g. +1 415 555 0100"
          error={errors.phone_number?.message}
        >
          <Input
            id="invite-phone"
            type="tel"
            autoComplete="off"
            invalid={!!errors.phone_number}
            {...form.register("phone_number")}
          />
        </Field>
        <RoleField
          id="invite-role"
          error={errors.role?.message}
          registration={form.register("role")}
        />
        <DialogActions
          onCancel={() => setOpen(false)}
          label="Send invitation"
          pendingLabel="Sending…"
          pending={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
