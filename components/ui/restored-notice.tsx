import type { ReactNode } from "react";

/**
 * Says that a form holds what the person typed before (a draft kept in the tab: lib/tab-drafts.ts)
 * and that it has not been sent; `action` is a way to start over, where the form offers one.
 */
export function RestoredNotice({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div
      role="status"
      className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800 dark:bg-brand-950 dark:text-brand-200"
    >
      <span>{children}</span>
      {action}
    </div>
  );
}
