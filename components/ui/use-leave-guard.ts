"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * The slice of the Navigation API the guard uses (Chromium; not yet in TypeScript's DOM types).
 * Where the browser lacks it, only closing or reloading the tab is guarded (beforeunload).
 */
interface TraverseEvent extends Event {
  navigationType: "push" | "replace" | "reload" | "traverse";
  cancelable: boolean;
  destination: { key: string };
}
interface NavigationLike extends EventTarget {
  traverseTo(key: string): unknown;
}
const navigationApi = (): NavigationLike | undefined =>
  (globalThis as { navigation?: NavigationLike }).navigation;

/**
 * Keeps what someone typed in an open dialog from vanishing on Back or Forward: the move is held
 * and the dialog asks first. Closing or reloading the tab asks through the browser's own prompt.
 * `touch` marks the dialog as typed in; opening it again starts clean.
 */
export function useLeaveGuard(open: boolean) {
  const dirty = useRef(false);
  const allowed = useRef(false);
  const [held, setHeld] = useState<string | null>(null);

  useEffect(() => {
    dirty.current = false;
    allowed.current = false;
    setHeld(null);
    if (!open) return;
    const onNavigate = (event: Event) => {
      const e = event as TraverseEvent;
      if (!dirty.current || allowed.current) return;
      if (e.navigationType !== "traverse" || !e.cancelable) return;
      e.preventDefault();
      setHeld(e.destination.key);
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault();
    };
    const nav = navigationApi();
    nav?.addEventListener("navigate", onNavigate);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      nav?.removeEventListener("navigate", onNavigate);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [open]);

  const touch = useCallback(() => {
    dirty.current = true;
  }, []);
  /** Discard what was typed and make the move that was held. */
  const leave = useCallback(() => {
    if (held === null) return;
    allowed.current = true;
    setHeld(null);
    navigationApi()?.traverseTo(held);
  }, [held]);
  const stay = useCallback(() => setHeld(null), []);
  return { touch, holding: held !== null, leave, stay };
}
