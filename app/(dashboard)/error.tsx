"use client";

import { type ComponentType, lazy, Suspense } from "react";
import {
  CODE_NOT_FETCHED,
  codeNotFetched,
  type Outage,
  outageFromDigest,
} from "@/components/shell/outage-digest";

/**
 * A screen's view, fetched when a page fails rather than with every page (each page carries this
 * boundary, and a page's own copy of the error state is not shared with it). When its code cannot
 * be fetched (the connection dropped, or a newer release replaced the build this tab runs), the
 * failure shows in a few words kept here instead, for the rest of the tab's life (a reload brings
 * the view back): a lazy view that fails would take the whole document down to the root's
 * last-resort page.
 */
function fetchedView<P>(load: () => Promise<ComponentType<P>>, title: (props: P) => string) {
  return lazy(() =>
    load().then(
      (view) => ({ default: view }),
      (): { default: ComponentType<P> } => ({
        default: (props: P) => <Unfetched title={title(props)} />,
      }),
    ),
  );
}

const JikoOutage = fetchedView(
  () => import("@/components/shell/jiko-outage").then((m) => m.JikoOutage),
  ({ outage }: { outage: Outage; retry: () => void }) =>
    outage.kind === "rate-limited"
      ? "Too many requests to Jiko"
      : "Jiko is not answering right now",
);
const ErrorState = fetchedView(
  () => import("@/components/ui/error-state").then((m) => m.ErrorState),
  ({ title }) => title,
);

/**
 * The failure without its screen's code: a reload fetches the page and its code anew, which is
 * what both causes need (trying the page again in place would need the same missing code).
 */
function Unfetched({ title }: { title: string }) {
  return (
    <div
      data-testid="unfetched-error"
      className="flex flex-col items-start gap-3 rounded-xl border border-red-200 bg-red-50 p-5 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <div role="alert" className="space-y-1">
        <h1 className="text-base font-semibold">{title}</h1>
        <p className="text-sm">{CODE_NOT_FETCHED}</p>
      </div>
      {/* A plain button: this screen ships with every page, the shared button's code does not. */}
      <button
        type="button"
        onClick={() => window.location.reload()}
        className="rounded-md border border-red-300 px-4 py-2 text-sm font-medium hover:bg-red-100 dark:border-red-800 dark:hover:bg-red-900"
      >
        Reload the page
      </button>
    </div>
  );
}

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
 * coming back when Jiko does; code that could not be fetched asks for a reload; anything else
 * offers a retry. Details stay in the server log.
 */
export default function SectionError({ error, retry }: { error: unknown; retry: () => void }) {
  const outage = outageFromDigest(error);
  // The page's own code (a dialog opened offline, say).
  if (codeNotFetched(error)) {
    return <Unfetched title="This page could not load" />;
  }
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
