"use client";

import { Copy, Eye, EyeOff } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { useHydrated } from "@/components/ui/use-hydrated";
import { usePortals } from "./hooks";

async function copy(label: string, value: string) {
  try {
    await navigator.clipboard.writeText(value);
    toast.success(`${label} copied`);
  } catch {
    toast.error("Copying is blocked by the browser: select the number instead.");
  }
}

/** Routing and account numbers other banks use to send ACH and wires into the pocket. */
export function PortalsPanel({ pocketId, canReveal }: { pocketId: string; canReveal: boolean }) {
  const [reveal, setReveal] = useState(false);
  const portals = usePortals(pocketId, reveal);
  // The masked numbers follow the page in its response, and may reach the browser before it
  // hydrates: they are drawn once hydrated, as the server's markup has them pending.
  const hydrated = useHydrated();
  return (
    <Card
      title="Receive ACH and wires"
      action={
        canReveal && (
          <Button
            variant="secondary"
            className="px-2.5 py-1 text-xs"
            onClick={() => setReveal((r) => !r)}
            aria-pressed={reveal}
          >
            {reveal ? (
              <EyeOff aria-hidden="true" className="size-3.5" />
            ) : (
              <Eye aria-hidden="true" className="size-3.5" />
            )}
            {reveal ? "Hide account numbers" : "Reveal account numbers"}
          </Button>
        )
      }
    >
      {!hydrated || portals.isPending ? (
        <Skeleton className="h-20" />
      ) : portals.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {portals.error.message}
        </p>
      ) : portals.data.items.length === 0 ? (
        <p className="text-sm text-ink-600 dark:text-ink-300">
          This pocket has no account numbers for incoming transfers.
        </p>
      ) : (
        <ul className="space-y-3">
          {portals.data.items.map((p) => (
            <li key={p.id} className="rounded-lg bg-ink-50 p-3 text-sm dark:bg-ink-800">
              <p className="font-medium">{p.name}</p>
              <dl className="mt-1 grid grid-cols-[auto_1fr_auto] items-center gap-x-3 gap-y-1">
                <dt className="text-ink-600 dark:text-ink-300">Routing</dt>
                <dd className="font-mono">{p.routing_number}</dd>
                <dd>
                  <Button
                    variant="ghost"
                    className="px-2 py-1"
                    aria-label="Copy routing number"
                    onClick={() => copy("Routing number", p.routing_number)}
                  >
                    <Copy aria-hidden="true" className="size-3.5" />
                  </Button>
                </dd>
                <dt className="text-ink-600 dark:text-ink-300">Account</dt>
                <dd className="font-mono" data-testid="account-number">
                  {p.account_number}
                </dd>
                <dd>
                  {p.revealed && (
                    <Button
                      variant="ghost"
                      className="px-2 py-1"
                      aria-label="Copy account number"
                      onClick={() => copy("Account number", p.account_number)}
                    >
                      <Copy aria-hidden="true" className="size-3.5" />
                    </Button>
                  )}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
