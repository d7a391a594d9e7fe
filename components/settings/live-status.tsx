"use client";

import { Radio, RefreshCw } from "lucide-react";
import { Skeleton } from "@/components/ui/skeleton";
import { liveStatusMessage } from "@/lib/webhook-form";
import { useLiveStatus } from "./hooks";

/** How live updates reach open pages now: by webhook, or by polling Jiko's events. */
export function LiveStatusSection() {
  const status = useLiveStatus();
  const Icon = status.data?.mode === "webhook" ? Radio : RefreshCw;
  return (
    <section
      aria-labelledby="live-status-title"
      className="rounded-xl border border-ink-200 bg-white p-4 dark:border-ink-800 dark:bg-ink-900"
    >
      <h2 id="live-status-title" className="flex items-center gap-2 font-semibold">
        <Icon aria-hidden="true" className="size-4" /> Live updates
      </h2>
      {status.data ? (
        <p
          data-testid="live-status"
          className="mt-1 text-sm break-words text-ink-700 dark:text-ink-200"
        >
          {liveStatusMessage(status.data)}
        </p>
      ) : status.error ? (
        <p className="mt-1 text-sm text-red-700 dark:text-red-300">{status.error.message}</p>
      ) : (
        <Skeleton className="mt-2 h-5" />
      )}
    </section>
  );
}
