"use client";

import { useEffect, useSyncExternalStore } from "react";
import type { ShellViewer } from "./types";

/**
 * The shell this tab last showed. When a retry finds Jiko still away, the outage shell keeps
 * the header the person was using (sections, account) instead of falling back to the product
 * name alone. Browser only: the server never holds one person's shell for another's render.
 */
let remembered: ShellViewer | null = null;
const listeners = new Set<() => void>();

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function RememberViewer({ viewer }: { viewer: ShellViewer }) {
  useEffect(() => {
    remembered = viewer;
    for (const listener of listeners) listener();
  }, [viewer]);
  return null;
}

export function useRememberedViewer(): ShellViewer | null {
  return useSyncExternalStore(
    subscribe,
    () => remembered,
    () => null,
  );
}
