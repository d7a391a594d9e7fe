"use client";

import { type ReactNode, Suspense, useState } from "react";

/**
 * Renders `children` (typically a lazily loaded dialog) from the first time `when` is true on,
 * and keeps it mounted afterwards, as it was when it rendered with the page: a dialog's code
 * (Radix's dialog, react-hook-form, the form's schema) loads when the person first opens it
 * rather than with every page load. Its own Suspense boundary keeps the page on screen meanwhile.
 */
export function Deferred({ when, children }: { when: boolean; children: ReactNode }) {
  const [reached, setReached] = useState(when);
  if (when && !reached) setReached(true);
  return reached ? <Suspense fallback={null}>{children}</Suspense> : null;
}
