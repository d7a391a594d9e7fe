"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { ChevronDown, LogOut } from "lucide-react";
import { useRef } from "react";
import { leaveForSignOut } from "@/components/providers/query-provider";
import { initials } from "@/lib/format";
import { ROLE_LABELS } from "@/lib/jiko/roles";
import type { FormAction, ShellViewer } from "./types";

export function UserMenu({ viewer, signOut }: { viewer: ShellViewer; signOut: FormAction }) {
  // The form lives outside the menu's portal: the menu unmounts its items as soon as one is chosen.
  const form = useRef<HTMLFormElement>(null);
  const shown = initials(viewer.name);
  return (
    <form ref={form} action={signOut}>
      <Menu.Root>
        {/* The name holds the visible text (initials, name, role) in order, so a person using
            speech input can say what they see (WCAG 2.5.3); spaces keep the pieces apart. */}
        <Menu.Trigger
          aria-label={`Account: ${shown} ${viewer.name}, ${ROLE_LABELS[viewer.role]}`}
          className="flex items-center gap-2 rounded-full py-1 pr-2 pl-1 hover:bg-ink-100 dark:hover:bg-ink-800"
        >
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
            <span
              className="block text-xs text-ink-500 dark:text-ink-400"
              data-testid="viewer-role"
            >
              {ROLE_LABELS[viewer.role]}
            </span>
          </span>
          <ChevronDown aria-hidden="true" className="size-4 text-ink-500" />
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content
            align="end"
            sideOffset={6}
            className="z-50 min-w-64 rounded-lg border border-ink-200 bg-white p-1 shadow-lg dark:border-ink-700 dark:bg-ink-900"
          >
            <div className="px-3 py-2 text-sm">
              <p className="font-medium">{viewer.name}</p>
              <p className="text-ink-500 dark:text-ink-400">{viewer.email}</p>
              <p className="mt-1 text-ink-600 dark:text-ink-300">
                {ROLE_LABELS[viewer.role]} · {viewer.team.name}
              </p>
            </div>
            <Menu.Separator className="my-1 h-px bg-ink-200 dark:bg-ink-700" />
            <Menu.Item
              onSelect={() => {
                leaveForSignOut();
                form.current?.requestSubmit();
              }}
              className="flex w-full cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-left text-sm outline-none data-[highlighted]:bg-ink-100 dark:data-[highlighted]:bg-ink-800"
            >
              <LogOut aria-hidden="true" className="size-4" />
              Sign out
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
    </form>
  );
}
