"use client";

import { lazy, useState } from "react";
import { Button } from "@/components/ui/button";
import { Deferred } from "@/components/ui/deferred";
import { loadDialogPanel } from "@/components/ui/dialog";
import type { Pocket } from "@/lib/jiko/pockets";
import type { PocketAction } from "./pocket-action-dialogs";

// The forms (and the pocket rules they check) load when one is first opened, not with the page;
// hovering or focusing the buttons starts the download, with the dialog's own code beside it.
const loadDialogs = () => import("./pocket-action-dialogs");
const preload = () => void Promise.all([loadDialogs(), loadDialogPanel()]).catch(() => {});
const warm = { onPointerEnter: preload, onFocus: preload };
const PocketActionDialogs = lazy(() =>
  loadDialogs().then((m) => ({ default: m.PocketActionDialogs })),
);

/** Rename, change strategy, close: for people whose role may manage pockets. */
export function PocketActions({ pocket, openPockets }: { pocket: Pocket; openPockets: number }) {
  const [open, setOpen] = useState<PocketAction | null>(null);
  if (pocket.status === "CLOSED") return null;

  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" {...warm} onClick={() => setOpen("rename")}>
        Rename
      </Button>
      <Button variant="secondary" {...warm} onClick={() => setOpen("strategy")}>
        Change strategy
      </Button>
      <Button variant="secondary" {...warm} onClick={() => setOpen("close")}>
        Close pocket
      </Button>
      <Deferred when={open !== null}>
        <PocketActionDialogs
          pocket={pocket}
          openPockets={openPockets}
          open={open}
          onClose={() => setOpen(null)}
        />
      </Deferred>
    </div>
  );
}
