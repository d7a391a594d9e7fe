"use client";

import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { BLANK_OWNER } from "@/lib/application-form";
import { AddressFields, type AppForm, errorAt, TextField } from "./fields";

/** Each beneficial owner: who they are, their SSN, address, roles and share of the company. */
export function OwnersStep({ form }: { form: AppForm }) {
  const owners = useFieldArray({ control: form.control, name: "owners" });
  const listError = errorAt(form, "owners.root");
  return (
    <div className="space-y-6">
      <p className="text-sm text-ink-600 dark:text-ink-300">
        Everyone who owns 25% or more of the entity, and the person who controls it.
      </p>
      {listError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {listError}
        </p>
      )}
      {owners.fields.map((field, i) => {
        const ssnLast4 = form.getValues(`owners.${i}.ssn_last4`);
        return (
          <fieldset
            key={field.id}
            className="space-y-4 rounded-lg border border-ink-200 p-4 dark:border-ink-700"
          >
            <legend className="px-1 text-sm font-semibold">Owner {i + 1}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                form={form}
                path={`owners.${i}.first_name`}
                id={`o${i}-first`}
                label="First name"
                autoComplete="off"
              />
              <TextField
                form={form}
                path={`owners.${i}.last_name`}
                id={`o${i}-last`}
                label="Last name"
                autoComplete="off"
              />
              <TextField
                form={form}
                path={`owners.${i}.date_of_birth`}
                id={`o${i}-dob`}
                label="Date of birth"
                type="date"
              />
              <TextField
                form={form}
                path={`owners.${i}.ssn`}
                id={`o${i}-ssn`}
                label="SSN"
                hint={
                  ssnLast4
                    ? `Saved, ending ${ssnLast4}. Enter it in full only if you change this owner.`
                    : "9 digits, like 123-45-6789"
                }
                inputMode="numeric"
                autoComplete="off"
              />
            </div>
            <AddressFields form={form} prefix={`owners.${i}`} idPrefix={`o${i}`} />
            <div className="grid gap-4 sm:grid-cols-2">
              <fieldset>
                <legend className="text-sm font-medium">Roles</legend>
                <label className="mt-1 flex items-center gap-2 text-sm">
                  <input type="checkbox" {...form.register(`owners.${i}.control_person`)} />
                  Control person
                </label>
                <label className="mt-1 flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    {...form.register(`owners.${i}.authorized_representative`)}
                  />
                  Authorized representative
                </label>
              </fieldset>
              <TextField
                form={form}
                path={`owners.${i}.ownership_percentage`}
                id={`o${i}-pct`}
                label="Ownership (%)"
                inputMode="decimal"
                autoComplete="off"
              />
            </div>
            {owners.fields.length > 1 && (
              <Button variant="secondary" onClick={() => owners.remove(i)}>
                Remove owner {i + 1}
              </Button>
            )}
          </fieldset>
        );
      })}
      {owners.fields.length < 10 && (
        <Button variant="secondary" onClick={() => owners.append({ ...BLANK_OWNER })}>
          Add an owner
        </Button>
      )}
    </div>
  );
}
