"use client";

import { type ReactNode, Suspense } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * Draws `children` (a lazily loaded chart below the fold) only in the browser once the page has
 * hydrated: the server and the first render draw `fallback`, which stays until the code is in.
 * This is next/dynamic with `ssr: false`, without its loader (about 1.2 kB compressed on every
 * page that used it).
 */
export function BrowserOnly({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  return useHydrated() ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}
