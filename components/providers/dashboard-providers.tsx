import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { QueryProvider } from "./query-provider";

/**
 * What the dashboard's pages need around them: React Query's client and the toasts. Only the
 * dashboard's layout mounts them, so the sign-in page, which uses neither, loads neither (about
 * 20 kB of compressed script).
 */
export function DashboardProviders({ children }: { children: ReactNode }) {
  return (
    <>
      <QueryProvider>{children}</QueryProvider>
      <Toaster
        position="bottom-right"
        // Follows the system like the rest of the app: in dark mode, dark toasts.
        theme="system"
        richColors
        closeButton
        // sonner's own success green on its pale green is below WCAG AA: ours is darker.
        toastOptions={{ classNames: { success: "!text-emerald-900 dark:!text-emerald-100" } }}
      />
    </>
  );
}
