"use client";

import { type ComponentType, useEffect, useState, useSyncExternalStore } from "react";
import { onToastAsked, toastsAsked } from "@/components/ui/toast";

/**
 * Where the toaster goes. It is fetched and mounted when the first toast is asked for, not with
 * the page: most visits show none (components/ui/toast.ts). A failed fetch leaves the page as it
 * is (no error boundary, as a failed React.lazy would reach) and is tried again with the next
 * toast.
 */
export function Toasts() {
  const asked = useSyncExternalStore(onToastAsked, toastsAsked, () => 0);
  const [Toaster, setToaster] = useState<ComponentType | null>(null);
  useEffect(() => {
    if (!asked || Toaster) return;
    let live = true;
    import("./toaster").then(
      (module) => live && setToaster(() => module.default),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [asked, Toaster]);
  return Toaster ? <Toaster /> : null;
}
