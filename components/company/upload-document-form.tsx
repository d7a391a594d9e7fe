"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { toast } from "@/components/ui/toast";
import { ApiClientError } from "@/lib/api-client";
import {
  COMPANY_DOCUMENT_TYPES,
  checkChosenFile,
  DOCUMENT_ACCEPT,
  DOCUMENT_TYPE_LABELS,
} from "@/lib/company-files";
import { queryKeys } from "@/lib/query-keys";
import { uploadDocumentFile } from "./upload-request";

type Errors = { type?: string; file?: string; root?: string };
type Progress = { name: string; fraction: number; done: boolean } | null;

const control =
  "mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-ink-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:text-ink-800 dark:file:border-ink-600 dark:file:bg-ink-900 dark:file:text-ink-100";

/**
 * Files a document with Jiko: the type and the file are checked here first (PDF, PNG or JPEG, at
 * most 5 MB), the server checks the bytes again and Jiko has the last word; the bar shows how
 * much of the file has been sent.
 */
export function UploadDocumentForm() {
  const queryClient = useQueryClient();
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [type, setType] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [progress, setProgress] = useState<Progress>(null);
  const sending = progress !== null && !progress.done;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const file = fileInput.current?.files?.[0];
    const next: Errors = {};
    if (!type) next.type = "Choose the document's type";
    const check = file ? checkChosenFile(file) : null;
    if (!file) next.file = "Choose a file";
    else if (check && !check.ok) next.file = check.message;
    setErrors(next);
    if (!file || !check?.ok || next.type) return;
    setProgress({ name: file.name, fraction: 0, done: false });
    try {
      await uploadDocumentFile({
        type,
        file,
        contentType: check.contentType,
        onProgress: (fraction) => setProgress({ name: file.name, fraction, done: false }),
      });
      setProgress({ name: file.name, fraction: 1, done: true });
      toast.success(`${file.name} is uploaded. Jiko reviews it next.`);
      if (fileInput.current) fileInput.current.value = "";
      setType("");
      void queryClient.invalidateQueries({ queryKey: queryKeys.companyDocuments() });
    } catch (error) {
      setProgress(null);
      const issues = error instanceof ApiClientError ? (error.issues ?? []) : [];
      const message = error instanceof Error ? error.message : "Something went wrong.";
      const byPath: Errors = {};
      for (const i of issues) {
        if (i.path === "type") byPath.type = i.message;
        else byPath.file = i.message; // Jiko's refusals of the body are about the file
      }
      setErrors(issues.length ? byPath : { root: message });
    }
  }

  const percent = Math.round((progress?.fraction ?? 0) * 100);
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Upload a document">
      <h3 className="text-sm font-medium">Upload a document</h3>
      <FormError message={errors.root} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="document-type" label="Document type" error={errors.type}>
          <Select
            id="document-type"
            value={type}
            invalid={!!errors.type}
            aria-describedby={errors.type ? "document-type-error" : undefined}
            onChange={(e) => setType(e.target.value)}
          >
            <option value="">Choose a type</option>
            {COMPANY_DOCUMENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {DOCUMENT_TYPE_LABELS[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={fileId} label="File" hint="PDF, PNG or JPEG, up to 5 MB" error={errors.file}>
          <input
            id={fileId}
            ref={fileInput}
            type="file"
            accept={DOCUMENT_ACCEPT}
            className={control}
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? `${fileId}-error` : `${fileId}-hint`}
            onChange={() => setErrors((e) => ({ ...e, file: undefined }))}
          />
        </Field>
      </div>
      {progress && (
        <div className="space-y-1">
          <div
            role="progressbar"
            aria-label={`Uploading ${progress.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 w-full overflow-hidden rounded-full bg-ink-200 dark:bg-ink-800"
          >
            <div
              className="h-full bg-brand-600 transition-[width] dark:bg-brand-400"
              style={{ width: `${percent}%` }}
            />
          </div>
          <p className="text-xs text-ink-600 dark:text-ink-300" aria-live="polite">
            {progress.done ? `${progress.name} uploaded` : `Sending ${progress.name}: ${percent}%`}
          </p>
        </div>
      )}
      <Button type="submit" disabled={sending}>
        {sending ? "Uploading…" : "Upload"}
      </Button>
    </form>
  );
}
