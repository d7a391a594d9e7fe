"use client";

import { useEffect, useState, useSyncExternalStore } from "react";

/**
 * Sections whose figures come in quick Jiko calls have no loading screen (their figures paint
 * with the page rather than after a streamed skeleton), so while one is on its way the old page
 * stays. The link clicked shows it is loading; if Jiko is slow, this says what the page waits on,
 * as a loading screen would. A Jiko call gives up within its budget, so the wait is bounded.
 */
let pendingLinks = 0;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const notify = () => {
  for (const listener of listeners) listener();
};

/** Called by a navigation link with its pending state (next/link's useLinkStatus). */
export function useReportPendingLink(pending: boolean) {
  useEffect(() => {
    if (!pending) return;
    pendingLinks++;
    notify();
    return () => {
      pendingLinks--;
      notify();
    };
  }, [pending]);
}

export function NavigationWait({ afterMs = 3_000 }: { afterMs?: number }) {
  const waiting = useSyncExternalStore(
    subscribe,
    () => pendingLinks > 0,
    () => false,
  );
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!waiting) return;
    const timer = setTimeout(() => setSlow(true), afterMs);
    return () => clearTimeout(timer);
  }, [waiting, afterMs]);
  // At the foot of the screen: the sticky header grows to several rows on a phone.
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-6 z-30 flex justify-center px-4"
    >
      {waiting && slow ? (
        <p className="rounded-full border border-ink-200 bg-white px-4 py-1.5 text-sm text-ink-700 shadow-sm dark:border-ink-700 dark:bg-ink-900 dark:text-ink-200">
          Still waiting for Jiko to answer…
        </p>
      ) : null}
    </div>
  );
}
