"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { FormError } from "@/components/ui/form-error";
import { useDialogForm } from "@/components/ui/form-helpers";
import {
  COUNTERPARTY_TYPES,
  type CounterpartyType,
  CreateCounterpartyRequest,
} from "@/lib/jiko/counterparties";
import { COUNTERPARTY_TYPE_LABELS } from "@/lib/jiko/counterparty-label";
import { useAddPayee } from "./hooks";
import {
  AchFields,
  InternationalWireFields,
  JikoNetFields,
  type PayeeForm,
  type PayeeInput,
  WireFields,
} from "./payee-fields";

const address = (country: string) => ({
  line1: "",
  line2: "",
  city: "",
  state: "",
  postal_code: "",
  country,
});

/** A blank form for one type, keeping the name already typed. */
function blank(type: CounterpartyType, name = ""): PayeeInput {
  switch (type) {
    case "ach":
      return {
        type,
        name,
        ach: {
          name_on_account: "",
          routing_number: "",
          account_number: "",
          account_type: "CHECKING",
        },
      };
    case "wire":
      return {
        type,
        name,
        wire: {
          beneficiary_name: "",
          routing_number: "",
          account_number: "",
          beneficiary_address: address("US"),
          additional_instructions: "",
        },
      };
    case "international_wire":
      return {
        type,
        name,
        international_wire: {
          identifier_type: "IBAN",
          account_number: "",
          swift_code: "",
          beneficiary_name: "",
          beneficiary_address: address(""),
          additional_instructions: "",
        },
      };
    case "on_us":
      return { type, name, on_us: { account_number: "" } };
  }
}

const TYPE_HINTS: Record<CounterpartyType, string> = {
  ach: "A US bank account, paid in 1–2 business days",
  wire: "A US bank account, paid the same day",
  international_wire: "A bank account abroad, by SWIFT",
  on_us: "Another company banking at Jiko, paid at once",
};

const FIELDS = {
  ach: AchFields,
  wire: WireFields,
  international_wire: InternationalWireFields,
  on_us: JikoNetFields,
} as const;

export function AddPayeeDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const add = useAddPayee();
  const [type, setType] = useState<CounterpartyType>("ach");
  // The contract's own schema checks the form in the browser: the same rules, the same words.
  const { form, submit, errors, isSubmitting } = useDialogForm(
    CreateCounterpartyRequest,
    blank("ach"),
    add.mutateAsync,
    () => setOpen(false),
  );
  const choose = (t: CounterpartyType) => {
    setType(t);
    form.reset(blank(t, form.getValues("name")));
  };
  // Cancelled or closed, the dialog forgets what was typed: the next opening starts blank.
  function setOpen(o: boolean) {
    if (!o) {
      setType("ach");
      form.reset(blank("ach"));
    }
    onOpenChange(o);
  }
  const Fields = FIELDS[type];
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Add a payee"
      description="Jiko verifies a new payee before any money can be sent to it."
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={errors.root?.message} />
        <fieldset>
          <legend className="text-sm font-medium">Payee type</legend>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            {COUNTERPARTY_TYPES.map((t) => (
              <label
                key={t}
                className="flex items-start gap-2 rounded-md border border-ink-200 p-2 text-sm has-[:checked]:border-brand-600 dark:border-ink-700 dark:has-[:checked]:border-brand-400"
              >
                <input
                  type="radio"
                  name="payee-type"
                  className="mt-1"
                  checked={type === t}
                  onChange={() => choose(t)}
                />
                <span>
                  <span className="block font-medium">{COUNTERPARTY_TYPE_LABELS[t]}</span>
                  <span className="block text-xs text-ink-600 dark:text-ink-300">
                    {TYPE_HINTS[t]}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <Fields form={form as PayeeForm} />
        <DialogActions
          onCancel={() => setOpen(false)}
          label="Add payee"
          pendingLabel="Adding…"
          pending={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
