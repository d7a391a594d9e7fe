import type { ReactNode } from "react";
import { QueryProvider } from "./query-provider";
import { Toasts } from "./toasts";

/**
 * What the dashboard's pages need around them: React Query's client and the toasts. Only the
 * dashboard's layout mounts them, so the sign-in page, which uses neither, loads neither (about
 * 20 kB of compressed script). The toaster itself loads with the first toast.
 */
export function DashboardProviders({ children }: { children: ReactNode }) {
  return (
    <>
      <QueryProvider>{children}</QueryProvider>
      <Toasts />
    </>
  );
}
