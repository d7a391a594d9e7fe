"use client";

import { useRouter } from "next/navigation";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Field, Input, Select } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useDialogForm } from "@/components/ui/form-helpers";
import { CreatePocketRequest } from "@/lib/jiko/pockets";
import { useCreatePocket, useStrategies } from "./hooks";

export function CreatePocketDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const router = useRouter();
  const create = useCreatePocket();
  const strategies = useStrategies();
  const deposit = strategies.data?.items.filter((s) => s.applicability.includes("DEPOSIT")) ?? [];
  const { form, submit, errors, isSubmitting } = useDialogForm(
    CreatePocketRequest,
    { pocket_name: "", trading_strategy_id: "UST-4W" },
    create.mutateAsync,
    (pocket) => {
      onOpenChange(false);
      router.push(`/pockets/${pocket.id}`);
    },
  );
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Open a pocket"
      description="Cash that arrives in the pocket is invested in T-bills of the strategy you choose; you can change it later."
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={errors.root?.message} />
        <Field
          id="pocket-name"
          label="Name"
          hint="What the cash is for, e.g. “Acquisition reserve”"
          error={errors.pocket_name?.message}
        >
          <Input
            id="pocket-name"
            autoComplete="off"
            invalid={!!errors.pocket_name}
            {...form.register("pocket_name")}
          />
        </Field>
        <Field
          id="pocket-strategy"
          label="Invest deposits in"
          error={errors.trading_strategy_id?.message}
        >
          <Select
            id="pocket-strategy"
            disabled={strategies.isPending}
            {...form.register("trading_strategy_id")}
          >
            {deposit.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <DialogActions
          onCancel={() => onOpenChange(false)}
          label="Open pocket"
          pendingLabel="Opening…"
          pending={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
