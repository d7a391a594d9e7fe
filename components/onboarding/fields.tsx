"use client";

import { get, type Path, type UseFormReturn } from "react-hook-form";
import { Field, Input } from "@/components/ui/field";
import type { ApplicationForm } from "@/lib/application-form";

export type AppForm = UseFormReturn<ApplicationForm>;

/** The message under a field, if the step's check left one there. */
export const errorAt = (form: AppForm, path: string): string | undefined =>
  (get(form.formState.errors, path) as { message?: string } | undefined)?.message;

/** One text input of the application, its label and its error tied to it. */
export function TextField({
  form,
  path,
  id,
  label,
  hint,
  ...input
}: {
  form: AppForm;
  path: Path<ApplicationForm>;
  id: string;
  label: string;
  hint?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "form">) {
  const error = errorAt(form, path);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <Input id={id} invalid={!!error} {...input} {...form.register(path)} />
    </Field>
  );
}

/** Street, city, state and ZIP code (United States addresses). */
export function AddressFields({
  form,
  prefix,
  idPrefix,
}: {
  form: AppForm;
  prefix: "address" | `owners.${number}`;
  idPrefix: string;
}) {
  const p = (k: string) => `${prefix}.${k}` as Path<ApplicationForm>;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <TextField
          form={form}
          path={p("street_address")}
          id={`${idPrefix}-street`}
          label="Street address"
          autoComplete="off"
        />
      </div>
      <div className="sm:col-span-2">
        <TextField
          form={form}
          path={p("street_address2")}
          id={`${idPrefix}-street2`}
          label="Suite or unit (optional)"
          autoComplete="off"
        />
      </div>
      <TextField
        form={form}
        path={p("city")}
        id={`${idPrefix}-city`}
        label="City"
        autoComplete="off"
      />
      <div className="grid grid-cols-2 gap-4">
        <TextField
          form={form}
          path={p("state")}
          id={`${idPrefix}-state`}
          label="State"
          maxLength={2}
          autoComplete="off"
        />
        <TextField
          form={form}
          path={p("postal_code")}
          id={`${idPrefix}-zip`}
          label="ZIP code"
          inputMode="numeric"
          autoComplete="off"
        />
      </div>
    </div>
  );
}
