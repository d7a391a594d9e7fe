import "server-only";
import {
  type DehydratedState,
  type DehydrateOptions,
  defaultShouldDehydrateQuery,
  HydrationBoundary,
  type QueryClient,
} from "@tanstack/react-query";
import { type ReactNode, Suspense } from "react";
import { SlowAnswer } from "@/components/shell/slow-answer";
import { sectionState } from "@/server/section-state";

interface Props {
  /** Reads what the section's hooks need, under their keys (prefetches). */
  load: (client: QueryClient) => Promise<unknown>;
  /**
   * Shown until the section's data is in: the shape of what comes, never a figure (after a few
   * seconds, a line says the page waits on Jiko).
   */
  fallback: ReactNode;
  dehydrate?: DehydrateOptions;
  /** The page's primary figures: the first paint waits for them a little longer (PRIMARY_GRACE_MS). */
  primary?: boolean;
  children: ReactNode;
}

/**
 * Sends a section's answers and, still pending, the reads it started without awaiting
 * (`prefetchAfter`): the browser takes each pending read's promise over and has its answer when
 * the page's response brings it, without a request (or the code that checks an answer) of its
 * own. What shows such an answer draws it once hydrated (components/ui/use-hydrated.ts).
 */
export const SEND_PENDING: DehydrateOptions = {
  shouldDehydrateQuery: (query) =>
    defaultShouldDehydrateQuery(query) || query.state.status === "pending",
};

/**
 * Starts a secondary read once `after` (the section's own reads) is in, without awaiting it: it
 * never competes with them for Jiko nor holds the first paint, and with SEND_PENDING its answer
 * follows in the same response.
 */
export function prefetchAfter(
  client: QueryClient,
  after: Promise<unknown>,
  read: { queryKey: readonly unknown[]; queryFn: () => Promise<unknown> },
): void {
  void client.prefetchQuery({
    queryKey: read.queryKey,
    queryFn: async () => {
      await after;
      return read.queryFn();
    },
  });
}

/**
 * How long a section's data may hold the page's first paint. The browser reveals a section
 * streamed after the first paint no sooner than 300 ms after it (React throttles reveals), so
 * data that is in within this grace is sent with the page itself and shows in its first paint;
 * slower data streams in its own time while the rest of the page shows.
 */
const FIRST_PAINT_GRACE_MS = 120;

/**
 * The grace of a page's primary section (the figures the page is opened for): React's reveal
 * throttle. Streamed after the first paint, that section could not show sooner than 300 ms after
 * it, so holding the paint for its data up to that long shows it sooner and costs only the shell's
 * paint, which then comes with it.
 */
const PRIMARY_GRACE_MS = 300;

/**
 * One section of a page, sent with the page when its data is in at once, else streamed in the
 * page's response as soon as it is: what needs no Jiko call (headings, the shell) never waits
 * on Jiko for long, and no section waits on a slower one. Jiko being away still reaches the
 * page's error boundary (server/section-state.ts).
 */
export function StreamedSection({ fallback, load, dehydrate, primary, children }: Props) {
  const state = sectionState(load, dehydrate);
  return (
    <GraceBoundary
      until={state}
      graceMs={primary ? PRIMARY_GRACE_MS : FIRST_PAINT_GRACE_MS}
      fallback={
        <div role="status" aria-busy="true" aria-label="Loading" className="space-y-2">
          {fallback}
          <SlowAnswer />
        </div>
      }
    >
      <SectionData state={state}>{children}</SectionData>
    </GraceBoundary>
  );
}

/**
 * `children` in the page's first paint when `until` settles (either way) within the grace, else
 * behind a Suspense boundary showing `fallback` until they stream in. The children await `until`
 * themselves (its failure reaches them, and through them the error boundary).
 */
export async function GraceBoundary({
  until,
  fallback,
  graceMs = FIRST_PAINT_GRACE_MS,
  children,
}: {
  until: Promise<unknown>;
  fallback: ReactNode;
  graceMs?: number;
  children: ReactNode;
}) {
  return (await settlesWithin(until, graceMs)) ? (
    children
  ) : (
    <Suspense fallback={fallback}>{children}</Suspense>
  );
}

async function SectionData({
  state,
  children,
}: {
  state: Promise<DehydratedState>;
  children: ReactNode;
}) {
  return <HydrationBoundary state={await state}>{children}</HydrationBoundary>;
}

/** Whether `work` settles (either way) within `ms`; its outcome is left to whoever awaits it. */
function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    work.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
