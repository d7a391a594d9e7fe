/**
 * Toasts, loaded on first use. A toast only ever follows something the person did, so sonner
 * (about 9 kB of compressed script) is in no page's load: the first toast asks the toaster onto
 * the page (components/providers/toasts.tsx) and is shown once it is there. Nothing is dropped:
 * sonner's toaster only shows toasts sent after it mounts, so each toast waits for that.
 */
import type * as Sonner from "sonner";

let wanted = false;
const listeners = new Set<() => void>();
let toasterMounted: () => void = () => undefined;
const mounted = new Promise<void>((resolve) => {
  toasterMounted = resolve;
});

/** For the toaster's host: whether any toast has been asked for yet. */
export const toastsWanted = (): boolean => wanted;
export const onToastsWanted = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The toaster calls this once it is on the page (components/providers/toaster.tsx). */
export const markToasterMounted = (): void => toasterMounted();

let loaded: Promise<typeof Sonner> | undefined;
function sonner(): Promise<typeof Sonner> {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  loaded ??= Promise.all([import("sonner"), mounted]).then(([module]) => module);
  return loaded;
}

export const toast = {
  success: (message: string): void => {
    void sonner().then(({ toast }) => toast.success(message));
  },
  error: (message: string): void => {
    void sonner().then(({ toast }) => toast.error(message));
  },
};
