"use client";

import { type ComponentPropsWithoutRef, type ReactNode, Suspense, useState } from "react";

/** What the stand-in and the real trigger share: name, look, state and test id. */
export type MenuTriggerProps = ComponentPropsWithoutRef<"button"> & { "data-testid"?: string };

/** The keys that open Radix's dropdown menu from its trigger. */
const OPEN_KEYS = new Set(["Enter", " ", "ArrowDown"]);

/**
 * A header menu whose code (Radix's dropdown menu, its focus handling and positioning) loads on
 * first use rather than with every page. Until then a plain button with the trigger's name, look
 * and test id stands in; the first press (or Enter, Space, ArrowDown, as on Radix's trigger) loads
 * the menu, which mounts already open (`defaultOpen`). Hovering or focusing the button starts the
 * download early, so the menu usually opens without a wait.
 *
 * `menu` is the lazy menu element; it renders Radix's `Trigger` with the same `trigger` props.
 */
export function DeferredMenu({
  trigger,
  load,
  menu,
}: {
  trigger: MenuTriggerProps;
  load: () => Promise<unknown>;
  menu: ReactNode;
}) {
  const [used, setUsed] = useState(false);
  const standIn = (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      {...trigger}
      onPointerEnter={() => void load()}
      onFocus={() => void load()}
      onPointerDown={(e) => {
        if (e.button === 0 && !e.ctrlKey) setUsed(true);
      }}
      onKeyDown={(e) => {
        if (!OPEN_KEYS.has(e.key)) return;
        e.preventDefault();
        setUsed(true);
      }}
    />
  );
  if (!used) return standIn;
  return <Suspense fallback={standIn}>{menu}</Suspense>;
}
