"use client";

import { useEffect } from "react";
import { tabStore } from "@/lib/tab-store";
import { STILL_WAITING, useSlowWait } from "./slow-answer";

/**
 * Sections whose figures come in quick Jiko calls have no loading screen (their figures paint
 * with the page rather than after a streamed skeleton), so while one is on its way the old page
 * stays. The link clicked shows it is loading; if Jiko is slow, this says what the page waits on,
 * as a loading screen would.
 */
const pendingLinks = tabStore(0);

/** Called by a navigation link with its pending state (next/link's useLinkStatus). */
export function useReportPendingLink(pending: boolean) {
  useEffect(() => {
    if (!pending) return;
    pendingLinks.set(pendingLinks.get() + 1);
    return () => pendingLinks.set(pendingLinks.get() - 1);
  }, [pending]);
}

export function NavigationWait({ afterMs = 3_000 }: { afterMs?: number }) {
  const slow = useSlowWait(pendingLinks.use() > 0, afterMs);
  // At the foot of the screen: the sticky header grows to several rows on a phone.
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-6 z-30 flex justify-center px-4"
    >
      {slow ? (
        <p className="rounded-full border border-ink-200 bg-white px-4 py-1.5 text-sm text-ink-700 shadow-sm dark:border-ink-700 dark:bg-ink-900 dark:text-ink-200">
          {STILL_WAITING}
        </p>
      ) : null}
    </div>
  );
}
