"use client";

import type { Path, UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { Field, Input } from "@/components/ui/field";
import type { CreateCounterpartyRequest } from "@/lib/jiko/counterparties";

export type PayeeInput = z.input<typeof CreateCounterpartyRequest>;
export type PayeeForm = UseFormReturn<
  PayeeInput,
  unknown,
  z.output<typeof CreateCounterpartyRequest>
>;
type FieldPath = Path<PayeeInput>;

/** One text field, registered at its path, with the browser's or the server's message under it. */
export function TextField({
  form,
  path,
  label,
  hint,
  inputMode,
}: {
  form: PayeeForm;
  path: FieldPath;
  label: string;
  hint?: string;
  inputMode?: "numeric" | "text";
}) {
  const id = `payee-${path.replace(/[._]/g, "-")}`;
  const { error } = form.getFieldState(path, form.formState);
  return (
    <Field id={id} label={label} hint={hint} error={error?.message}>
      <Input
        id={id}
        autoComplete="off"
        inputMode={inputMode}
        invalid={!!error}
        {...form.register(path)}
      />
    </Field>
  );
}

/** A choice between a few values, as radio buttons under a legend. */
export function RadioChoice({
  form,
  path,
  legend,
  options,
}: {
  form: PayeeForm;
  path: FieldPath;
  legend: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input type="radio" value={o.value} {...form.register(path)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const grid = "grid gap-4 sm:grid-cols-2";

export function AchFields({ form }: { form: PayeeForm }) {
  return (
    <>
      <TextField form={form} path="name" label="Payee name" />
      <TextField form={form} path="ach.name_on_account" label="Account holder name" />
      <div className={grid}>
        <TextField
          form={form}
          path="ach.routing_number"
          label="Routing number"
          hint="9 digits"
          inputMode="numeric"
        />
        <TextField
          form={form}
          path="ach.account_number"
          label="Account number"
          inputMode="numeric"
        />
      </div>
      <RadioChoice
        form={form}
        path="ach.account_type"
        legend="Account type"
        options={[
          { value: "CHECKING", label: "Checking" },
          { value: "SAVINGS", label: "Savings" },
        ]}
      />
    </>
  );
}

/** The beneficiary's address; `prefix` is `wire` or `international_wire`. */
function AddressFields({
  form,
  prefix,
}: {
  form: PayeeForm;
  prefix: "wire" | "international_wire";
}) {
  const at = (f: string) => `${prefix}.beneficiary_address.${f}` as FieldPath;
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-semibold">Beneficiary address</legend>
      <TextField form={form} path={at("line1")} label="Street address" />
      <TextField form={form} path={at("line2")} label="Apartment, suite, etc. (optional)" />
      <div className={grid}>
        <TextField form={form} path={at("city")} label="City" />
        <TextField form={form} path={at("state")} label="State or region (optional)" />
        <TextField form={form} path={at("postal_code")} label="Postal code (optional)" />
        <TextField
          form={form}
          path={at("country")}
          label="Country"
          hint="Two-letter code, e.g. US, DE"
        />
      </div>
    </fieldset>
  );
}

export function WireFields({ form }: { form: PayeeForm }) {
  return (
    <>
      <TextField form={form} path="name" label="Payee name" />
      <TextField form={form} path="wire.beneficiary_name" label="Beneficiary name" />
      <div className={grid}>
        <TextField
          form={form}
          path="wire.routing_number"
          label="Routing number"
          hint="9 digits"
          inputMode="numeric"
        />
        <TextField
          form={form}
          path="wire.account_number"
          label="Account number"
          inputMode="numeric"
        />
      </div>
      <AddressFields form={form} prefix="wire" />
      <TextField
        form={form}
        path="wire.additional_instructions"
        label="Additional instructions (optional)"
      />
    </>
  );
}

export function InternationalWireFields({ form }: { form: PayeeForm }) {
  const iban = form.watch("international_wire.identifier_type") !== "ACCOUNT_NUMBER";
  return (
    <>
      <TextField form={form} path="name" label="Payee name" />
      <TextField form={form} path="international_wire.beneficiary_name" label="Beneficiary name" />
      <RadioChoice
        form={form}
        path="international_wire.identifier_type"
        legend="Account identified by"
        options={[
          { value: "IBAN", label: "IBAN" },
          { value: "ACCOUNT_NUMBER", label: "Account number" },
        ]}
      />
      <div className={grid}>
        <TextField
          form={form}
          path="international_wire.account_number"
          label={iban ? "IBAN" : "Account number"}
        />
        <TextField
          form={form}
          path="international_wire.swift_code"
          label="SWIFT/BIC"
          hint="8 or 11 characters"
        />
      </div>
      <AddressFields form={form} prefix="international_wire" />
      <TextField
        form={form}
        path="international_wire.additional_instructions"
        label="Additional instructions (optional)"
      />
    </>
  );
}

export function JikoNetFields({ form }: { form: PayeeForm }) {
  return (
    <>
      <TextField
        form={form}
        path="name"
        label="Legal business name"
        hint="As the receiving company is registered at Jiko"
      />
      <TextField
        form={form}
        path="on_us.account_number"
        label="Jiko network address"
        hint="12 digits, under Transfers › Receive money in their Jiko account"
        inputMode="numeric"
      />
    </>
  );
}
