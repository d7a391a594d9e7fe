"use client";

import {
  type ComponentProps,
  type ComponentType,
  lazy,
  Suspense,
  useEffect,
  useState,
} from "react";
import { type Outage, outageFromDigest } from "@/components/shell/outage-digest";

/** Where a screen's view comes from: the lazy view in use, replaced after a failed fetch. */
interface ViewSource<P> {
  view: ComponentType<P>;
}

/**
 * A screen's view, fetched when a page fails rather than with every page (each page carries this
 * boundary, and a page's own copy of the error state is not shared with it). When its code cannot
 * be fetched (the connection dropped, or a newer release replaced the build this tab runs), the
 * failure shows in a few words kept here, in place of the view: a lazy view that fails would
 * otherwise take the whole document down to the root's last-resort page.
 */
function viewSource<P>(
  load: () => Promise<ComponentType<P>>,
  title: (props: P) => string,
): ViewSource<P> {
  const fetched = (): ComponentType<P> =>
    lazy(async () => {
      try {
        return { default: await load() };
      } catch {
        // Once shown, the next failure tries to fetch the view again (a lazy view keeps what it
        // resolved to). Not before: a screen that suspended on its first render reads its view
        // anew when it renders again, and would fetch in a loop.
        const again = () => {
          source.view = fetched();
        };
        return { default: (props: P) => <Unfetched title={title(props)} onShown={again} /> };
      }
    });
  const source: ViewSource<P> = { view: fetched() };
  return source;
}

/** The view as it was when the screen appeared: a re-render does not fetch it again. */
function Screen<P extends object>({ source, props }: { source: ViewSource<P>; props: P }) {
  const [View] = useState(() => source.view);
  return <View {...props} />;
}

type OutageProps = { outage: Outage; retry: () => void };
const outageView = viewSource<OutageProps>(
  () => import("@/components/shell/jiko-outage").then((m) => m.JikoOutage),
  ({ outage }) =>
    outage.kind === "rate-limited"
      ? "Too many requests to Jiko"
      : "Jiko is not answering right now",
);
type ErrorProps = ComponentProps<typeof import("@/components/ui/error-state").ErrorState>;
const errorView = viewSource<ErrorProps>(
  () => import("@/components/ui/error-state").then((m) => m.ErrorState),
  ({ title }) => title,
);

/**
 * The failure without its screen's code: a reload fetches the page and its code anew, which is
 * what both causes need (trying the page again in place would need the same missing code).
 */
function Unfetched({ title, onShown }: { title: string; onShown: () => void }) {
  useEffect(onShown, [onShown]);
  return (
    <div
      data-testid="unfetched-error"
      className="flex flex-col items-start gap-3 rounded-xl border border-red-200 bg-red-50 p-5 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <div role="alert" className="space-y-1">
        <h1 className="text-base font-semibold">{title}</h1>
        <p className="text-sm">
          Treasury Desk could not fetch what it needs to show this page: the connection may have
          dropped, or a newer version was released. Your data is safe; reload the page to carry on.
        </p>
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
 * coming back when Jiko does; anything else offers a retry. Details stay in the server log.
 */
export default function SectionError({ error, retry }: { error: unknown; retry: () => void }) {
  const outage = outageFromDigest(error);
  if (outage) {
    return (
      <Suspense fallback={null}>
        <Screen key={failureId(error)} source={outageView} props={{ outage, retry }} />
      </Suspense>
    );
  }
  return (
    <Suspense fallback={null}>
      <Screen
        source={errorView}
        props={{
          heading: "h1",
          title: "This page could not load",
          message:
            "Treasury Desk could not show this page just now. Your data is safe; try again in a moment.",
          onRetry: retry,
        }}
      />
    </Suspense>
  );
}
