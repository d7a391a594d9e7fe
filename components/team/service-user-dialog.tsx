"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { ROLE_LABELS, ROLES } from "@/lib/jiko/roles";
import { CreateServiceUserRequest } from "@/lib/jiko/team";
import { showServerError } from "./form-helpers";
import { useCreateServiceUser } from "./hooks";

type FormInput = z.input<typeof CreateServiceUserRequest>;

export function ServiceUserDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const create = useCreateServiceUser();
  const form = useForm<FormInput, unknown, CreateServiceUserRequest>({
    resolver: zodResolver(CreateServiceUserRequest),
    defaultValues: { name: "", email: "", role: "READ_ONLY" },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync(values);
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
      title="Add a service user"
      description="A member that reaches Jiko by API only, for an accounting or treasury system. It cannot sign in on the portal."
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
        <Field id="svc-role" label="Role" error={errors.role?.message}>
          <Select id="svc-role" {...form.register("role")}>
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
            {isSubmitting ? "Adding…" : "Add service user"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
