"use client";

import { useSyncExternalStore } from "react";

/** Whether this tab hears Jiko's events now (the stream is open), for hooks that poll less then. */
let open = false;
const listeners = new Set<() => void>();

export function setLiveOpen(next: boolean): void {
  if (next === open) return;
  open = next;
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const useLiveOpen = (): boolean =>
  useSyncExternalStore(
    subscribe,
    () => open,
    () => false,
  );
