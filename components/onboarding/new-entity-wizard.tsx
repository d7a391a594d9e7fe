"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { type Path, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { toast } from "@/components/ui/toast";
import { ApiClientError } from "@/lib/api-error";
import {
  type ApplicationForm,
  BLANK_APPLICATION,
  draftOfStep,
  formOfApplication,
  resumeStep,
  STEP_TITLES,
  STEPS,
  type Step,
  validateStep,
} from "@/lib/application-form";
import type { BusinessApplication } from "@/lib/jiko/applications";
import type { Agreement } from "@/lib/jiko/company";
import { AgreementStep } from "./agreement-step";
import { AddressFields, TextField } from "./fields";
import { useApply, useSaveDraft } from "./hooks";
import { OwnersStep } from "./owners-step";
import { ReviewStep } from "./review-step";

function startOf(draft: BusinessApplication | null, agreement: Agreement): ApplicationForm {
  if (!draft) return BLANK_APPLICATION;
  const form = formOfApplication(draft);
  if (form.owners.length === 0) form.owners = BLANK_APPLICATION.owners;
  // A consent to an older version is no consent to the current one.
  if (form.consent.version !== agreement.version)
    form.consent = { accepted: false, version: "", timestamp: "" };
  return form;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The application step by step. Each step is checked as the person leaves it and saved at Jiko as
 * a draft (created on the first save, updated after), so coming back resumes it where it stopped.
 */
export function NewEntityWizard({
  draft,
  agreement,
}: {
  draft: BusinessApplication | null;
  agreement: Agreement;
}) {
  const router = useRouter();
  const [id, setId] = useState(draft?.id ?? null);
  const [step, setStep] = useState<Step>(() =>
    draft ? resumeStep(draft, agreement.version) : "entity",
  );
  const form = useForm<ApplicationForm>({ defaultValues: startOf(draft, agreement) });
  // The owners as Jiko last stored them: an unchanged list is not sent again.
  const savedOwners = useRef(draft ? formOfApplication(draft).owners : []);
  const save = useSaveDraft();
  const apply = useApply();
  const heading = useRef<HTMLHeadingElement>(null);
  const index = STEPS.indexOf(step);

  const go = (next: Step) => {
    form.clearErrors();
    setStep(next);
    requestAnimationFrame(() => heading.current?.focus());
  };

  const showIssues = (error: unknown) => {
    const issues = error instanceof ApiClientError ? (error.issues ?? []) : [];
    const detail = issues.map((i) => `${i.path ? `${i.path}: ` : ""}${i.message}`).join("; ");
    form.setError("root", {
      message:
        (error instanceof Error ? error.message : "Something went wrong.") +
        (detail ? ` (${detail})` : ""),
    });
  };

  const next = async () => {
    const values = form.getValues();
    const errors = validateStep(step, values, { today: today(), savedOwners: savedOwners.current });
    form.clearErrors();
    if (Object.keys(errors).length) {
      for (const [path, message] of Object.entries(errors)) {
        form.setError((path === "owners" ? "owners.root" : path) as Path<ApplicationForm>, {
          message,
        });
      }
      // The first field in error takes focus (the heading when the error is about the list).
      requestAnimationFrame(() =>
        (
          document.querySelector<HTMLElement>('form [aria-invalid="true"]') ?? heading.current
        )?.focus(),
      );
      return;
    }
    const body = draftOfStep(step, values, savedOwners.current);
    try {
      if (body) {
        const saved = await save.mutateAsync({ id, draft: body });
        setId(saved.id);
        if (body.beneficial_owners) savedOwners.current = values.owners;
      }
      go(STEPS[index + 1]!);
    } catch (error) {
      showIssues(error);
    }
  };

  const submit = async () => {
    if (!id) return;
    try {
      await apply.mutateAsync(id);
      toast.success("Application sent to Jiko");
      router.push(`/company/new-entity/${id}`);
    } catch (error) {
      showIssues(error);
    }
  };

  return (
    <div className="space-y-4">
      <nav aria-label="Application steps">
        <ol className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {STEPS.map((s, i) => (
            <li
              key={s}
              aria-current={s === step ? "step" : undefined}
              className={
                s === step
                  ? "font-semibold text-brand-800 dark:text-brand-200"
                  : "text-ink-600 dark:text-ink-300"
              }
            >
              {i + 1}. {STEP_TITLES[s]}
            </li>
          ))}
        </ol>
      </nav>
      <Card>
        <form
          aria-labelledby="step-heading"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void (step === "review" ? submit() : next());
          }}
          className="max-w-2xl space-y-5"
        >
          <h2 id="step-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold">
            Step {index + 1} of {STEPS.length}: {STEP_TITLES[step]}
          </h2>
          <FormError message={form.formState.errors.root?.message} />
          {step === "entity" && (
            <div className="grid gap-4 sm:grid-cols-2">
              <div className="sm:col-span-2">
                <TextField
                  form={form}
                  path="entity.business_name"
                  id="e-name"
                  label="Legal name"
                  hint="As registered, e.g. Northwind Holdings LLC"
                  autoComplete="off"
                />
              </div>
              <TextField
                form={form}
                path="entity.ein"
                id="e-ein"
                label="EIN"
                hint="9 digits, like 12-3456789"
                inputMode="numeric"
                autoComplete="off"
              />
              <TextField
                form={form}
                path="entity.phone_number"
                id="e-phone"
                label="Phone"
                type="tel"
                autoComplete="off"
              />
              <div className="sm:col-span-2">
                <TextField
                  form={form}
                  path="entity.email"
                  id="e-email"
                  label="Email"
                  type="email"
                  autoComplete="off"
                />
              </div>
            </div>
          )}
          {step === "address" && <AddressFields form={form} prefix="address" idPrefix="a" />}
          {step === "owners" && <OwnersStep form={form} />}
          {step === "agreement" && <AgreementStep form={form} agreement={agreement} />}
          {step === "review" && <ReviewStep form={form.getValues()} onEdit={go} />}
          <p className="text-xs text-ink-600 dark:text-ink-300">
            Each step is saved at Jiko as a draft: you can leave and come back to finish.
          </p>
          <div className="flex flex-wrap justify-between gap-2">
            <Button
              variant="secondary"
              disabled={index === 0}
              onClick={() => go(STEPS[index - 1]!)}
            >
              Back
            </Button>
            {step === "review" ? (
              <Button type="submit" disabled={apply.isPending || !id}>
                {apply.isPending ? "Applying…" : "Apply"}
              </Button>
            ) : (
              <Button type="submit" disabled={save.isPending}>
                {save.isPending ? "Saving…" : "Save and continue"}
              </Button>
            )}
          </div>
        </form>
      </Card>
    </div>
  );
}
