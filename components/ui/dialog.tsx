"use client";

import { lazy } from "react";
import { Deferred } from "./deferred";
import type { DialogProps } from "./dialog-panel";

// Radix's dialog (focus trap, scroll lock, portal) loads when a dialog is first opened, not with
// every page that offers one; a closed dialog renders nothing either way.
/** Starts loading the dialog's code early (a button that opens one is hovered or focused). */
export const loadDialogPanel = () => import("./dialog-panel");
const DialogPanel = lazy(() => loadDialogPanel().then((m) => ({ default: m.DialogPanel })));

/**
 * An accessible modal: focus kept inside, Escape closes, title and description announced.
 * Centred, or as a drawer on the right. Once something is typed in it, Back, Forward and
 * closing the tab ask before discarding it. (The implementation is in dialog-panel.tsx.)
 */
export function Dialog(props: DialogProps) {
  return (
    <Deferred when={props.open}>
      <DialogPanel {...props} />
    </Deferred>
  );
}
