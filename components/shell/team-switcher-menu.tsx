"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check } from "lucide-react";
import type { MenuTriggerProps } from "@/components/ui/deferred-menu";
import { ROLE_LABELS } from "@/lib/jiko/roles";
import type { ShellViewer } from "./types";

/** The team switcher's menu, loaded on first use (see DeferredMenu); it mounts open. */
export function TeamSwitcherMenu({
  trigger,
  viewer,
  onChoose,
}: {
  trigger: MenuTriggerProps;
  viewer: ShellViewer;
  onChoose: (teamId: string) => void;
}) {
  return (
    <Menu.Root defaultOpen>
      <Menu.Trigger {...trigger} />
      <Menu.Portal>
        <Menu.Content
          align="start"
          sideOffset={6}
          className="z-50 min-w-64 rounded-lg border border-ink-200 bg-white p-1 shadow-lg dark:border-ink-700 dark:bg-ink-900"
        >
          <Menu.Label className="px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-ink-500">
            Your teams
          </Menu.Label>
          {viewer.teams.map((team) => (
            <Menu.Item
              key={team.id}
              disabled={team.id === viewer.team.id}
              onSelect={() => onChoose(team.id)}
              className="flex cursor-pointer items-center justify-between gap-4 rounded-md px-3 py-2 text-sm outline-none data-[disabled]:cursor-default data-[highlighted]:bg-ink-100 dark:data-[highlighted]:bg-ink-800"
            >
              <span>
                <span className="block font-medium">{team.name}</span>
                <span className="block text-xs text-ink-500 dark:text-ink-400">
                  {team.customerName} · {ROLE_LABELS[team.role]}
                </span>
              </span>
              {team.id === viewer.team.id && (
                <Check aria-label="Active team" className="size-4 text-brand-600" />
              )}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
