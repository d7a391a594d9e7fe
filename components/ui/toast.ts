/**
 * Toasts, loaded on first use. A toast only ever follows something the person did, so sonner
 * (about 9 kB of compressed script) is in no page's load: the first toast asks the toaster onto
 * the page (components/providers/toasts.tsx) and is shown once it is there. Nothing is dropped:
 * sonner's toaster only shows toasts sent after it mounts, so each toast waits for that. If the
 * script cannot be fetched, the toast is not shown (what it confirms is on the page already) and
 * the next toast tries again.
 */
import type * as Sonner from "sonner";

let asked = 0;
const listeners = new Set<() => void>();
let toasterMounted: () => void = () => undefined;
const mounted = new Promise<void>((resolve) => {
  toasterMounted = resolve;
});

/** For the toaster's host: how many toasts have been asked for (0: no toaster needed yet). */
export const toastsAsked = (): number => asked;
export const onToastAsked = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The toaster calls this once it is on the page (components/providers/toaster.tsx). */
export const markToasterMounted = (): void => toasterMounted();

let loaded: Promise<typeof Sonner> | undefined;
function sonner(): Promise<typeof Sonner> {
  asked++;
  for (const listener of listeners) listener();
  loaded ??= Promise.all([import("sonner"), mounted]).then(
    ([module]) => module,
    (error: unknown) => {
      loaded = undefined;
      throw error;
    },
  );
  return loaded;
}

const ignore = () => undefined;

export const toast = {
  success: (message: string): void => {
    sonner().then(({ toast }) => toast.success(message), ignore);
  },
  error: (message: string): void => {
    sonner().then(({ toast }) => toast.error(message), ignore);
  },
};
