"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { getQueryClient } from "@/lib/query-client";

let signingOut = false;

/**
 * Signing out ends the session before the browser reaches the sign-in page: queries of the page
 * being left may meet the ended session meanwhile, and must not send the person to a "your
 * session ended" page instead. (Their cache goes with the full page load to Jiko's portal that
 * any next sign-in is.) Forms kept in the tab go too: a draft is for the session it was typed in.
 */
export function leaveForSignOut(): void {
  signingOut = true;
  // The tab's storage holds nothing but drafts (lib/tab-drafts.ts): it is cleared whole.
  try {
    sessionStorage.clear();
  } catch {}
  void getQueryClient().cancelQueries();
}

/**
 * An ended session found by any query or change sends the person to sign-in, keeping where they
 * were (and what they were typing, where the form keeps a draft: lib/tab-drafts.ts). A
 * late answer of the page just left (signing out is a navigation to sign-in) must not bounce the
 * sign-in page itself.
 */
function toSignIn() {
  if (signingOut || window.location.pathname.startsWith("/sign-in")) return;
  const back = window.location.pathname + window.location.search;
  window.location.assign(`/sign-in?reason=session-ended&redirectTo=${encodeURIComponent(back)}`);
}

export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient(toSignIn)}>{children}</QueryClientProvider>;
}
