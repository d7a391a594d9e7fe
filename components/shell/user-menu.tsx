"use client";

import { ChevronDown } from "lucide-react";
import { lazy, useRef } from "react";
import { leaveForSignOut } from "@/components/providers/query-provider";
import { DeferredMenu } from "@/components/ui/deferred-menu";
import { initials } from "@/lib/format";
import { ROLE_LABELS } from "@/lib/jiko/roles";
import type { FormAction, ShellViewer } from "./types";

// Radix's menu loads on first use, not with every page (see DeferredMenu).
const loadPanel = () => import("./user-menu-panel");
const UserMenuPanel = lazy(() => loadPanel().then((m) => ({ default: m.UserMenuPanel })));

export function UserMenu({ viewer, signOut }: { viewer: ShellViewer; signOut: FormAction }) {
  // The form lives outside the menu's portal: the menu unmounts its items as soon as one is chosen.
  const form = useRef<HTMLFormElement>(null);
  const shown = initials(viewer.name);
  // The name holds the visible text (initials, name, role) in order, so a person using speech
  // input can say what they see (WCAG 2.5.3); spaces keep the pieces apart.
  const trigger = {
    "aria-label": `Account: ${shown} ${viewer.name}, ${ROLE_LABELS[viewer.role]}`,
    className:
      "flex items-center gap-2 rounded-full py-1 pr-2 pl-1 hover:bg-ink-100 dark:hover:bg-ink-800",
    children: (
      <>
        <span
          aria-hidden="true"
          className="grid size-8 place-items-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800 dark:bg-brand-900 dark:text-brand-100"
        >
          {shown}
        </span>{" "}
        <span className="hidden text-left text-sm leading-tight sm:block">
          <span
            className="block max-w-40 truncate font-medium"
            data-testid="viewer-name"
            title={viewer.name}
          >
            {viewer.name}
          </span>{" "}
          <span className="block text-xs text-ink-500 dark:text-ink-400" data-testid="viewer-role">
            {ROLE_LABELS[viewer.role]}
          </span>
        </span>
        <ChevronDown aria-hidden="true" className="size-4 text-ink-500" />
      </>
    ),
  };
  const onSignOut = () => {
    leaveForSignOut();
    form.current?.requestSubmit();
  };
  return (
    <form ref={form} action={signOut}>
      <DeferredMenu
        trigger={trigger}
        load={loadPanel}
        menu={<UserMenuPanel trigger={trigger} viewer={viewer} onSignOut={onSignOut} />}
      />
    </form>
  );
}
