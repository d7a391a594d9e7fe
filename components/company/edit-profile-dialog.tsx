"use client";

import type { Path } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Field, Input } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useDialogForm } from "@/components/ui/form-helpers";
import {
  ProfileForm,
  type ProfileFormInput,
  type ProfileFormValues,
  profileChanges,
  profileFormValues,
} from "@/lib/company-profile";
import type { Customer } from "@/lib/jiko/customer";
import { useUpdateProfile } from "./hooks";

type Form = ReturnType<typeof useDialogForm<typeof ProfileForm, Customer | null>>["form"];

function TextField({
  form,
  path,
  label,
  type = "text",
  autoComplete,
  hint,
}: {
  form: Form;
  path: Path<ProfileFormInput>;
  label: string;
  type?: string;
  autoComplete?: string;
  hint?: string;
}) {
  const id = `company-${path.replace(/[._]/g, "-")}`;
  const { error } = form.getFieldState(path, form.formState);
  return (
    <Field id={id} label={label} hint={hint} error={error?.message}>
      <Input
        id={id}
        type={type}
        autoComplete={autoComplete}
        invalid={!!error}
        {...form.register(path)}
      />
    </Field>
  );
}

/**
 * The contact details Jiko lets a company change itself (its name, type and EIN need a change
 * request with documents). Each mistake shows under its field, Jiko's refusals included.
 */
export function EditProfileDialog({
  customer,
  open,
  onOpenChange,
}: {
  customer: Customer;
  open: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const update = useUpdateProfile();
  const { form, submit, errors, isSubmitting } = useDialogForm(
    ProfileForm,
    profileFormValues(customer),
    async (values: ProfileFormValues) => {
      const change = profileChanges(values, customer);
      if (Object.keys(change).length === 0) return null;
      return update.mutateAsync(change);
    },
    () => onOpenChange(false),
  );
  const close = (o: boolean) => {
    if (!o) form.reset(profileFormValues(customer));
    onOpenChange(o);
  };
  const grid = "grid gap-4 sm:grid-cols-2";
  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title="Edit contact details"
      description="Jiko records the change in the team's audit log. The name, type and EIN change only through Jiko."
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={errors.root?.message} />
        <TextField form={form} path="email" label="Email" type="email" autoComplete="email" />
        <TextField
          form={form}
          path="phone_number"
          label="Phone"
          type="tel"
          autoComplete="tel"
          hint="With the country code, like +1 415 555 0100"
        />
        <fieldset className="space-y-4">
          <legend className="text-sm font-medium">Address</legend>
          <TextField form={form} path="address.street_address" label="Street address" />
          <TextField form={form} path="address.street_address2" label="Suite, floor (optional)" />
          <div className={grid}>
            <TextField form={form} path="address.city" label="City" />
            <TextField form={form} path="address.state" label="State or region" />
          </div>
          <div className={grid}>
            <TextField form={form} path="address.postal_code" label="Postal code" />
            <TextField
              form={form}
              path="address.country"
              label="Country"
              hint="Two letters, like US"
            />
          </div>
        </fieldset>
        <DialogActions
          onCancel={() => close(false)}
          label="Save changes"
          pendingLabel="Saving…"
          pending={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
