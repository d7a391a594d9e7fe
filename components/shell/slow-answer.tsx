"use client";

import { useEffect, useState } from "react";

/**
 * Under a page's skeleton: after a few seconds without an answer, says what the page waits on.
 * A Jiko call gives up within its budget (8 s), so the wait this announces is bounded.
 */
export function SlowAnswer({ afterMs = 3_000 }: { afterMs?: number }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), afterMs);
    return () => clearTimeout(timer);
  }, [afterMs]);
  return (
    <p className="min-h-5 text-sm text-ink-600 dark:text-ink-300">
      {slow ? "Still waiting for Jiko to answer…" : null}
    </p>
  );
}
