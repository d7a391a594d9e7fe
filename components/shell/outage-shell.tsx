"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { Brand } from "./brand";
import { JikoOutage } from "./jiko-outage";
import type { Outage } from "./outage-digest";
import { useRememberedViewer } from "./remembered-viewer";
import { ShellFrame } from "./shell-frame";
import { ShellHeader } from "./shell-header";
import type { FormAction } from "./types";

/**
 * The dashboard when the signed-in person could not be read from Jiko: the outage and no data.
 * The header is the one this tab last showed, or the product's name alone after a reload. Each
 * try renders the layout again on the server; when Jiko answers, the full shell and the page
 * replace this without a reload.
 */
export function OutageShell({
  outage,
  failedAt,
  switchTeam,
  signOut,
}: {
  outage: Outage;
  failedAt: number;
  switchTeam: FormAction;
  signOut: FormAction;
}) {
  const router = useRouter();
  const viewer = useRememberedViewer();
  return (
    <ShellFrame
      header={
        viewer ? (
          <ShellHeader viewer={viewer} switchTeam={switchTeam} signOut={signOut} />
        ) : (
          <Brand />
        )
      }
    >
      <div className="mx-auto max-w-2xl sm:pt-8">
        {/* A new failure (a new render on the server) mounts a new state: the next wait. */}
        <JikoOutage
          key={failedAt}
          outage={outage}
          retry={() => startTransition(() => router.refresh())}
        />
      </div>
    </ShellFrame>
  );
}
