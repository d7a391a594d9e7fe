"use client";

import { useEffect, useState } from "react";

/** What a page waiting on a slow Jiko says. */
export const STILL_WAITING = "Still waiting for Jiko to answer…";

/**
 * Whether a wait that is going on (`waiting`) has lasted `afterMs`; false again once it ends.
 * A Jiko call gives up within its budget (8 s), so the wait this announces is bounded.
 */
export function useSlowWait(waiting: boolean, afterMs = 3_000): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!waiting) return;
    const timer = setTimeout(() => setSlow(true), afterMs);
    return () => clearTimeout(timer);
  }, [waiting, afterMs]);
  return waiting && slow;
}

/** Under a page's skeleton: after a few seconds without an answer, says what the page waits on. */
export function SlowAnswer({ afterMs = 3_000 }: { afterMs?: number }) {
  const slow = useSlowWait(true, afterMs);
  return (
    <p className="min-h-5 text-sm text-ink-600 dark:text-ink-300">{slow ? STILL_WAITING : null}</p>
  );
}
