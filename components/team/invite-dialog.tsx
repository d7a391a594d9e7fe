"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { ROLE_LABELS, ROLES } from "@/lib/jiko/roles";
import { InviteMemberRequest } from "@/lib/jiko/team";
import { showServerError } from "./form-helpers";
import { useInvite } from "./hooks";

type FormInput = z.input<typeof InviteMemberRequest>;

export function InviteDialog({
  open,
  onOpenChange,
  teamName,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  teamName: string;
}) {
  const invite = useInvite();
  const form = useForm<FormInput, unknown, InviteMemberRequest>({
    resolver: zodResolver(InviteMemberRequest),
    defaultValues: {
      first_name: "",
      last_name: "",
      email: "",
      phone_number: "",
      role: "READ_ONLY",
    },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await invite.mutateAsync(values);
      form.reset();
      onOpenChange(false);
    } catch (error) {
      showServerError(error, form.setError);
    }
  });

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Invite a member"
      description={`Jiko emails them a link to join ${teamName} and texts a code to their phone.`}
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        {errors.root && (
          <p
            role="alert"
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {errors.root.message}
          </p>
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
        <Field id="invite-role" label="Role" error={errors.role?.message}>
          <Select id="invite-role" {...form.register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Sending…" : "Send invitation"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
