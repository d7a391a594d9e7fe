/**
 * Toasts, loaded on first use. A toast only ever follows something the person did, so sonner
 * (about 9 kB of compressed script) is in no page's load: the first toast asks the toaster onto
 * the page (components/providers/toasts.tsx), and each toast is shown once the toaster has
 * mounted and handed over sonner's `toast`. Nothing is dropped on the way (sonner's toaster only
 * shows toasts sent after it mounts). If the toaster's script cannot be fetched, toasts wait, and
 * the next toast asks for it again.
 */
import type { toast as SonnerToast } from "sonner";

let asked = 0;
const listeners = new Set<() => void>();
let handOver: (toast: typeof SonnerToast) => void = () => undefined;
const mounted = new Promise<typeof SonnerToast>((resolve) => {
  handOver = resolve;
});

/** For the toaster's host: how many toasts have been asked for (0: no toaster needed yet). */
export const toastsAsked = (): number => asked;
export const onToastAsked = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The toaster calls this once it is on the page (components/providers/toaster.tsx). */
export const markToasterMounted = (toast: typeof SonnerToast): void => handOver(toast);

function show(kind: "success" | "error", message: string): void {
  asked++;
  for (const listener of listeners) listener();
  void mounted.then((toast) => toast[kind](message));
}

export const toast = {
  success: (message: string): void => show("success", message),
  error: (message: string): void => show("error", message),
};
