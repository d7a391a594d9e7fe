"use client";

import { useEffect } from "react";
import { Toaster as SonnerToaster, toast } from "sonner";
import { markToasterMounted } from "@/components/ui/toast";

/** Where toasts show. Loaded with the first toast (toasts.tsx). */
export default function Toaster() {
  useEffect(() => markToasterMounted(toast), []);
  return (
    <SonnerToaster
      position="bottom-right"
      // Follows the system like the rest of the app: in dark mode, dark toasts.
      theme="system"
      richColors
      closeButton
      // sonner's own success green on its pale green is below WCAG AA: ours is darker.
      toastOptions={{ classNames: { success: "!text-emerald-900 dark:!text-emerald-100" } }}
    />
  );
}
