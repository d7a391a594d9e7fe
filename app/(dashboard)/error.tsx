"use client";

import { ErrorState } from "@/components/ui/error-state";

/** Failures inside a section keep the shell and offer a retry; details stay in the server log. */
export default function SectionError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <ErrorState
      title="This page could not load"
      message="Treasury Desk could not get this information from Jiko just now. Your data is safe; try again in a moment."
      onRetry={reset}
    />
  );
}
