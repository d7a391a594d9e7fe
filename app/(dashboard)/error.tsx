"use client";

import { lazy, Suspense } from "react";
import { outageFromDigest } from "@/components/shell/outage-digest";

// Both screens load when a page fails, not with every page (each page carries this boundary,
// and a page's own copy of the error state is not shared with it).
const JikoOutage = lazy(() =>
  import("@/components/shell/jiko-outage").then((m) => ({ default: m.JikoOutage })),
);
const ErrorState = lazy(() =>
  import("@/components/ui/error-state").then((m) => ({ default: m.ErrorState })),
);

/** One id per failure, so each failed try mounts a new outage state (its next, longer wait). */
const failureIds = new WeakMap<object, number>();
let lastId = 0;
function failureId(error: unknown): number {
  if (typeof error !== "object" || error === null) return 0;
  const known = failureIds.get(error);
  if (known !== undefined) return known;
  lastId += 1;
  failureIds.set(error, lastId);
  return lastId;
}

/**
 * A page that failed keeps the shell. Jiko being away shows as such and retries by itself,
 * coming back when Jiko does; anything else offers a retry. Details stay in the server log.
 */
export default function SectionError({ error, retry }: { error: unknown; retry: () => void }) {
  const outage = outageFromDigest(error);
  if (outage) {
    return (
      <Suspense fallback={null}>
        <JikoOutage key={failureId(error)} outage={outage} retry={retry} />
      </Suspense>
    );
  }
  return (
    <Suspense fallback={null}>
      <ErrorState
        heading="h1"
        title="This page could not load"
        message="Treasury Desk could not show this page just now. Your data is safe; try again in a moment."
        onRetry={retry}
      />
    </Suspense>
  );
}
