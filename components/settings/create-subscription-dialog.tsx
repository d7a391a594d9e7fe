"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Field, Input } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useDialogForm } from "@/components/ui/form-helpers";
import { blankWebhookForm, TEST_EVENT } from "@/lib/webhook-form";
import { CreatedWebhook, WebhookForm } from "@/lib/webhook-form-schemas";
import { EventPicker } from "./event-picker";
import { useCreateSubscription } from "./hooks";

type Target = "here" | "other";

/** Subscribe a URL to Jiko's events; the secret is made on the server unless one is typed. */
export function CreateSubscriptionDialog({
  open,
  onOpenChange,
  ownUrl,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  ownUrl: string;
  onCreated: (c: CreatedWebhook) => void;
}) {
  const create = useCreateSubscription(CreatedWebhook);
  const [target, setTarget] = useState<Target>("here");
  const { form, submit, errors, isSubmitting } = useDialogForm(
    WebhookForm,
    blankWebhookForm(ownUrl),
    create.mutateAsync,
    (c) => {
      setOpen(false);
      onCreated(c);
    },
  );
  const events = form.watch("events");
  function choose(t: Target) {
    setTarget(t);
    form.setValue("url", t === "here" ? ownUrl : "");
  }
  function setOpen(o: boolean) {
    if (!o) {
      setTarget("here");
      form.reset(blankWebhookForm(ownUrl));
    }
    onOpenChange(o);
  }
  const retry = errors.retry_policy;
  const num = { valueAsNumber: true } as const;
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Add a webhook subscription"
      description="Jiko sends the chosen events to this URL, each signed with the subscription's shared secret."
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormError message={errors.root?.message} />
        <fieldset>
          <legend className="text-sm font-medium">Deliver to</legend>
          <div className="mt-1 space-y-1 text-sm">
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="webhook-target"
                className="mt-1"
                checked={target === "here"}
                onChange={() => choose("here")}
              />
              <span>
                This dashboard{" "}
                <span className="block font-mono text-xs break-all text-ink-600 dark:text-ink-300">
                  {ownUrl}
                </span>
              </span>
            </label>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name="webhook-target"
                checked={target === "other"}
                onChange={() => choose("other")}
              />
              Another URL
            </label>
          </div>
        </fieldset>
        <Field id="webhook-url" label="URL" error={errors.url?.message}>
          <Input
            id="webhook-url"
            type="url"
            inputMode="url"
            readOnly={target === "here"}
            invalid={!!errors.url}
            {...form.register("url")}
          />
        </Field>
        <Field
          id="webhook-description"
          label="Description (optional)"
          error={errors.description?.message}
        >
          <Input
            id="webhook-description"
            invalid={!!errors.description}
            {...form.register("description")}
          />
        </Field>
        <EventPicker
          chosen={events}
          error={errors.events?.message}
          onChange={(next) =>
            form.setValue("events", next, { shouldValidate: form.formState.isSubmitted })
          }
        />
        <p className="text-xs text-ink-600 dark:text-ink-300">
          Keep {TEST_EVENT} ticked to send test events from this page.
        </p>
        <Field
          id="webhook-secret"
          label="Shared secret (optional)"
          hint="Leave empty and Treasury Desk makes a random one of 43 characters. At least 16 characters."
          error={errors.shared_secret?.message}
        >
          <Input
            id="webhook-secret"
            autoComplete="off"
            invalid={!!errors.shared_secret}
            {...form.register("shared_secret")}
          />
        </Field>
        <details className="rounded-md border border-ink-200 p-3 dark:border-ink-700">
          <summary className="cursor-pointer text-sm font-medium">
            Retries (Jiko's defaults shown)
          </summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            <Field
              id="retry-attempts"
              label="Attempts at most"
              error={retry?.maximum_attempts?.message}
            >
              <Input
                id="retry-attempts"
                type="number"
                min={1}
                max={20}
                invalid={!!retry?.maximum_attempts}
                {...form.register("retry_policy.maximum_attempts", num)}
              />
            </Field>
            <Field
              id="retry-coefficient"
              label="Backoff coefficient"
              error={retry?.backoff_coefficient?.message}
            >
              <Input
                id="retry-coefficient"
                type="number"
                step="0.1"
                min={1}
                max={10}
                invalid={!!retry?.backoff_coefficient}
                {...form.register("retry_policy.backoff_coefficient", num)}
              />
            </Field>
            <Field
              id="retry-initial"
              label="First wait (seconds)"
              error={retry?.initial_interval_seconds?.message}
            >
              <Input
                id="retry-initial"
                type="number"
                min={1}
                invalid={!!retry?.initial_interval_seconds}
                {...form.register("retry_policy.initial_interval_seconds", num)}
              />
            </Field>
            <Field
              id="retry-maximum"
              label="Longest wait (seconds)"
              error={retry?.maximum_interval_seconds?.message}
            >
              <Input
                id="retry-maximum"
                type="number"
                min={1}
                invalid={!!retry?.maximum_interval_seconds}
                {...form.register("retry_policy.maximum_interval_seconds", num)}
              />
            </Field>
            <div className="sm:col-span-2">
              <Field
                id="retry-codes"
                label="Retry on status codes"
                hint="A failed delivery with no answer is always retried."
                error={retry?.retry_on_status_codes?.message}
              >
                <Input
                  id="retry-codes"
                  invalid={!!retry?.retry_on_status_codes}
                  {...form.register("retry_policy.retry_on_status_codes")}
                />
              </Field>
            </div>
          </div>
        </details>
        <DialogActions
          onCancel={() => setOpen(false)}
          label="Create subscription"
          pendingLabel="Creating…"
          pending={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
