"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { getQueryClient } from "@/lib/query-client";

/**
 * An ended session found by any query sends the person to sign-in, keeping where they were. A
 * late answer of the page just left (signing out is a navigation to sign-in) must not bounce the
 * sign-in page itself.
 */
function toSignIn() {
  if (window.location.pathname.startsWith("/sign-in")) return;
  const back = window.location.pathname + window.location.search;
  window.location.assign(`/sign-in?reason=session-ended&redirectTo=${encodeURIComponent(back)}`);
}

export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient(toSignIn)}>{children}</QueryClientProvider>;
}
