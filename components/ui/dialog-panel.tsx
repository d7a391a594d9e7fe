"use client";

import * as Radix from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ReactNode } from "react";
import { useLeaveGuard } from "./use-leave-guard";

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  placement?: keyof typeof PLACEMENTS;
  children: ReactNode;
}

const PLACEMENTS = {
  center:
    "top-1/2 left-1/2 max-h-[90vh] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl border",
  /** A drawer along the right edge, for details beside a list. */
  right: "top-0 right-0 h-full w-[min(30rem,100vw)] border-l",
} as const;

/**
 * An accessible modal: focus kept inside, Escape closes, title and description announced.
 * Centred, or as a drawer on the right. Once something is typed in it, Back, Forward and
 * closing the tab ask before discarding it.
 */
export function DialogPanel({
  open,
  onOpenChange,
  title,
  description,
  placement = "center",
  children,
}: DialogProps) {
  const guard = useLeaveGuard(open);
  return (
    <Radix.Root open={open} onOpenChange={onOpenChange}>
      <Radix.Portal>
        <Radix.Overlay className="fixed inset-0 z-50 bg-ink-950/40 backdrop-blur-sm" />
        <Radix.Content
          className={`fixed z-50 overflow-y-auto border-ink-200 bg-white p-6 shadow-xl dark:border-ink-700 dark:bg-ink-900 ${PLACEMENTS[placement]}`}
          onChangeCapture={guard.touch}
          onInputCapture={guard.touch}
        >
          <div className="mb-4 flex items-start justify-between gap-4">
            <Radix.Title className="text-lg font-semibold">{title}</Radix.Title>
            <Radix.Close
              aria-label="Close"
              className="rounded p-1 text-ink-500 hover:bg-ink-100 dark:hover:bg-ink-800"
            >
              <X aria-hidden="true" className="size-4" />
            </Radix.Close>
          </div>
          {description ? (
            <Radix.Description className="mb-4 text-sm text-ink-600 dark:text-ink-300">
              {description}
            </Radix.Description>
          ) : (
            <Radix.Description className="sr-only">{title}</Radix.Description>
          )}
          {guard.holding && (
            <div
              role="alert"
              className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
            >
              <p>Going back discards what you typed here.</p>
              <div className="mt-2 flex flex-wrap gap-2">
                <button
                  type="button"
                  onClick={guard.stay}
                  className="rounded-md bg-ink-900 px-3 py-1.5 font-medium text-white dark:bg-white dark:text-ink-950"
                >
                  Keep editing
                </button>
                <button
                  type="button"
                  onClick={() => {
                    guard.leave();
                    onOpenChange(false);
                  }}
                  className="rounded-md border border-amber-400 px-3 py-1.5 font-medium hover:bg-amber-100 dark:border-amber-600 dark:hover:bg-amber-900"
                >
                  Discard and go back
                </button>
              </div>
            </div>
          )}
          {children}
        </Radix.Content>
      </Radix.Portal>
    </Radix.Root>
  );
}
