"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { LogOut } from "lucide-react";
import type { MenuTriggerProps } from "@/components/ui/deferred-menu";
import { ROLE_LABELS } from "@/lib/jiko/roles";
import type { ShellViewer } from "./types";

/** The account menu, loaded on first use (see DeferredMenu); it mounts open. */
export function UserMenuPanel({
  trigger,
  viewer,
  onSignOut,
}: {
  trigger: MenuTriggerProps;
  viewer: ShellViewer;
  onSignOut: () => void;
}) {
  return (
    <Menu.Root defaultOpen>
      <Menu.Trigger {...trigger} />
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
            onSelect={onSignOut}
            className="flex w-full cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-left text-sm outline-none data-[highlighted]:bg-ink-100 dark:data-[highlighted]:bg-ink-800"
          >
            <LogOut aria-hidden="true" className="size-4" />
            Sign out
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
