import { useSyncExternalStore } from "react";

/**
 * One value shared by the components of a browser tab, outside React's tree: set from one
 * component, read by others through `use` (a hook). The server renders `initial`: it never holds
 * one person's value for another's render.
 */
export function tabStore<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  return {
    get: (): T => value,
    set(next: T): void {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    use: (): T =>
      useSyncExternalStore(
        subscribe,
        () => value,
        () => initial,
      ),
  };
}
