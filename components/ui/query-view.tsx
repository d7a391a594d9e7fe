"use client";

import type { ReactNode } from "react";
import { ErrorState } from "./error-state";

/**
 * The four states of data a page shows: loading (its skeleton, sized like the content so
 * nothing shifts), failed (the reason and a retry), empty (what to do about it), and the data.
 */
export function QueryView<T>({
  query,
  what,
  skeleton,
  isEmpty,
  empty,
  children,
}: {
  query: { isPending: boolean; error: Error | null; data: T | undefined; refetch: () => unknown };
  /** Named in the error's title: "<what> could not load". */
  what: string;
  skeleton: ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return skeleton;
  if (query.error || query.data === undefined) {
    return (
      <ErrorState
        title={`${what} could not load`}
        message={query.error?.message ?? "No data came back."}
        onRetry={() => query.refetch()}
      />
    );
  }
  if (isEmpty?.(query.data)) return empty;
  return children(query.data);
}

/** The box an empty list shows its message in. */
export function EmptyMessage({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-xl border border-ink-200 bg-white p-6 text-sm dark:border-ink-800 dark:bg-ink-900">
      {children}
    </p>
  );
}
