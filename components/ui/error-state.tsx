"use client";

import { AlertTriangle, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "./button";

const TONES = {
  /** Something failed that a person may need to act on. */
  error: {
    box: "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100",
    status: "text-red-800 dark:text-red-200",
  },
  /** Jiko away for a while: nothing is wrong with the person's data, the page comes back. */
  outage: {
    box: "border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-400/30 dark:bg-amber-400/10 dark:text-amber-50",
    status: "text-amber-900 dark:text-amber-200",
  },
} as const;

/** A failure in words a person can act on, and a way to try again. Never a stack trace. */
export function ErrorState({
  title,
  message,
  onRetry,
  tone = "error",
  icon: Icon = AlertTriangle,
  status,
  heading: Title = "p",
}: {
  title: string;
  message: string;
  onRetry?: () => void;
  tone?: keyof typeof TONES;
  icon?: LucideIcon;
  /** A line under the message that changes as time passes (a countdown): not announced. */
  status?: ReactNode;
  /** The title's element: a heading when the state stands in for a whole page. */
  heading?: "p" | "h1" | "h2";
}) {
  return (
    <div className={`flex flex-col items-start gap-3 rounded-xl border p-5 ${TONES[tone].box}`}>
      <div role="alert" className="space-y-1">
        <Title className="flex items-center gap-2 text-base font-semibold">
          <Icon aria-hidden="true" className="size-5 shrink-0" />
          {title}
        </Title>
        <p className="text-sm">{message}</p>
      </div>
      {status && <p className={`text-sm ${TONES[tone].status}`}>{status}</p>}
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
