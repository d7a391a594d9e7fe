"use client";

import { FileText } from "lucide-react";
import type { Agreement } from "@/lib/jiko/company";
import { type AppForm, errorAt } from "./fields";

/** Jiko's current agreements, each a PDF, and the consent to that version. */
export function AgreementStep({ form, agreement }: { form: AppForm; agreement: Agreement }) {
  const error = errorAt(form, "consent.accepted");
  const accepted = form.register("consent.accepted");
  return (
    <div className="space-y-4">
      <p className="text-sm">
        Agreements version <strong data-testid="agreement-version">{agreement.version}</strong>,
        released {agreement.release_date}. Read each one before you consent for the entity.
      </p>
      <ul className="grid gap-2 sm:grid-cols-2">
        {agreement.documents.map((d) => (
          <li key={d.type}>
            <a
              href={d.pdf_download_url}
              target="_blank"
              rel="noreferrer"
              className="flex items-center gap-2 text-sm text-brand-700 underline dark:text-brand-300"
            >
              <FileText aria-hidden="true" className="size-4 shrink-0" />
              {d.title} (PDF)
            </a>
          </li>
        ))}
      </ul>
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-1"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "consent-error" : undefined}
            {...accepted}
            onChange={(e) => {
              // The consent records the version shown and the moment it was given.
              form.setValue("consent.version", e.target.checked ? agreement.version : "");
              form.setValue("consent.timestamp", e.target.checked ? new Date().toISOString() : "");
              return accepted.onChange(e);
            }}
          />
          <span>
            I have read the agreements of version {agreement.version} and consent to them on behalf
            of the entity.
          </span>
        </label>
        {error && (
          <p
            id="consent-error"
            role="alert"
            className="mt-1 text-xs text-red-700 dark:text-red-300"
          >
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
