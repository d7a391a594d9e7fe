"use client";

import { useId, useState } from "react";
import { ACCEPTED_FILES, type AskedDocument, fileProblem } from "@/lib/application-documents";
import { useUploadDocument } from "./hooks";

/** One document Jiko asked for: a file checked here first, then sent with its progress shown. */
export function DocumentUpload({
  applicationId,
  doc,
}: {
  applicationId: string;
  doc: AskedDocument;
}) {
  const id = useId();
  const upload = useUploadDocument(applicationId);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (file: File | undefined) => {
    if (!file) return;
    const problem = fileProblem(file);
    setError(problem);
    if (problem) return;
    setProgress(0);
    try {
      await upload(doc.type, file, setProgress);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The upload failed. Try again.");
    } finally {
      setProgress(null);
    }
  };

  return (
    <li
      className="rounded-lg border border-ink-200 p-3 dark:border-ink-700"
      data-testid={`asked-${doc.type}`}
    >
      <label htmlFor={id} className="block text-sm font-medium">
        {doc.label}{" "}
        <span className="font-normal text-ink-600 dark:text-ink-300">({doc.reason})</span>
      </label>
      <p id={`${id}-hint`} className="text-xs text-ink-600 dark:text-ink-300">
        {doc.hint} PDF, PNG or JPEG, up to 5 MB.
      </p>
      <input
        id={id}
        type="file"
        accept={ACCEPTED_FILES}
        disabled={progress !== null}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
        className="mt-2 block w-full max-w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-ink-100 file:px-3 file:py-1.5 dark:file:bg-ink-800 dark:file:text-ink-100"
        onChange={(e) => {
          void send(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      {progress !== null && (
        <div className="mt-2 flex items-center gap-2 text-xs" role="status">
          <progress
            max={1}
            value={progress}
            aria-label={`Uploading ${doc.label}`}
            className="w-40"
          />
          {Math.round(progress * 100)}%
        </div>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </li>
  );
}
