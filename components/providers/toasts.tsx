"use client";

import { lazy, Suspense, useSyncExternalStore } from "react";
import { onToastsWanted, toastsWanted } from "@/components/ui/toast";

const Toaster = lazy(() => import("./toaster"));

/**
 * Where the toaster goes. It is fetched and mounted when the first toast is asked for, not with
 * the page: most visits show none (components/ui/toast.ts).
 */
export function Toasts() {
  const wanted = useSyncExternalStore(onToastsWanted, toastsWanted, () => false);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <Toaster />
    </Suspense>
  );
}
