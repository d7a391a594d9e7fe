"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Field, Input, Select } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { CLOSURE_REASONS, pocketNameIssue } from "@/lib/jiko/pocket-terms";
import type { Pocket } from "@/lib/jiko/pockets";
import type { TradingStrategy } from "@/lib/jiko/strategies";
import { CLOSURE_REASON_LABELS, closeBlockers } from "@/lib/pockets";
import { useStrategies, useUpdatePocket } from "./hooks";

export type PocketAction = "rename" | "strategy" | "close";

function StrategyField({
  id,
  label,
  applicability,
  strategies,
  value,
  onChange,
}: {
  id: string;
  label: string;
  applicability: "DEPOSIT" | "REINVESTMENT";
  strategies: readonly TradingStrategy[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <Field id={id} label={label}>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {strategies
          .filter((s) => s.applicability.includes(applicability))
          .map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
      </Select>
    </Field>
  );
}

/**
 * The forms behind the pocket's actions: rename, change strategy, close. Loaded when one is first
 * opened (pocket-actions.tsx), then kept, as is what was typed in them.
 */
export function PocketActionDialogs({
  pocket,
  openPockets,
  open,
  onClose,
}: {
  pocket: Pocket;
  openPockets: number;
  open: PocketAction | null;
  onClose: () => void;
}) {
  const update = useUpdatePocket(pocket.id);
  const strategies = useStrategies();
  const [name, setName] = useState(pocket.pocket_name);
  const [deposit, setDeposit] = useState(pocket.deposit_strategy_id);
  const [reinvest, setReinvest] = useState(
    pocket.reinvestment_strategy_id ?? pocket.deposit_strategy_id,
  );
  const [reason, setReason] = useState<(typeof CLOSURE_REASONS)[number] | "">("");
  const blockers = closeBlockers(pocket, openPockets);
  const close = () => {
    update.reset();
    onClose();
  };
  const nameError = pocketNameIssue(name);

  return (
    <>
      <Dialog
        open={open === "rename"}
        onOpenChange={(o) => !o && close()}
        title="Rename the pocket"
      >
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!nameError) update.mutate({ pocket_name: name.trim() }, { onSuccess: close });
          }}
        >
          <FormError message={update.error?.message} />
          <Field id="rename" label="Name" error={nameError}>
            <Input
              id="rename"
              value={name}
              onChange={(e) => setName(e.target.value)}
              invalid={!!nameError}
            />
          </Field>
          <DialogActions
            onCancel={close}
            label="Save name"
            pendingLabel="Saving…"
            pending={update.isPending}
            disabled={!!nameError}
          />
        </form>
      </Dialog>

      <Dialog
        open={open === "strategy"}
        onOpenChange={(o) => !o && close()}
        title="Change the strategy"
        description="New deposits buy T-bills of the deposit strategy; bills that mature are reinvested in the reinvestment strategy. Bills already held keep their maturity."
      >
        <div className="space-y-4">
          <FormError message={update.error?.message} />
          <StrategyField
            id="deposit-strategy"
            label="Invest deposits in"
            applicability="DEPOSIT"
            strategies={strategies.data?.items ?? []}
            value={deposit}
            onChange={setDeposit}
          />
          <StrategyField
            id="reinvest-strategy"
            label="Reinvest maturing bills in"
            applicability="REINVESTMENT"
            strategies={strategies.data?.items ?? []}
            value={reinvest}
            onChange={setReinvest}
          />
          <DialogActions
            onCancel={close}
            label="Save strategy"
            pendingLabel="Saving…"
            pending={update.isPending}
            onConfirm={() =>
              update.mutate(
                { deposit_strategy_id: deposit, reinvestment_strategy_id: reinvest },
                { onSuccess: close },
              )
            }
          />
        </div>
      </Dialog>

      <Dialog
        open={open === "close"}
        onOpenChange={(o) => !o && close()}
        title={`Close ${pocket.pocket_name}?`}
        description="Jiko closes a pocket only when it is empty and another pocket stays open. A closed pocket cannot be reopened."
      >
        <div className="space-y-4">
          <FormError message={update.error?.message} />
          {blockers.length > 0 ? (
            <div
              role="status"
              className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
            >
              <p className="font-medium">This pocket cannot be closed yet:</p>
              <ul className="mt-1 list-disc pl-5">
                {blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </div>
          ) : (
            <Field id="closure-reason" label="Why are you closing it?">
              <Select
                id="closure-reason"
                value={reason}
                onChange={(e) => setReason(e.target.value as typeof reason)}
              >
                <option value="">Choose a reason</option>
                {CLOSURE_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {CLOSURE_REASON_LABELS[r]}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <DialogActions
            cancelLabel="Keep it open"
            onCancel={close}
            label="Close pocket"
            pendingLabel="Closing…"
            pending={update.isPending}
            disabled={blockers.length > 0 || !reason}
            danger
            onConfirm={() =>
              reason &&
              update.mutate({ status: "CLOSED", closure_reason: reason }, { onSuccess: close })
            }
          />
        </div>
      </Dialog>
    </>
  );
}
