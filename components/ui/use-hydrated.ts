"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False on the server and while the page hydrates, true after. An answer the page's response
 * brings after its first paint (a read sent while still pending, app/(dashboard)/streamed-section)
 * may reach the browser before or after hydration: what shows it is drawn once hydrated, so the
 * server's markup and the browser's first render always agree.
 */
export const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
