"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check, ChevronsUpDown } from "lucide-react";
import { useRef, useState } from "react";
import { ROLE_LABELS } from "@/lib/jiko/roles";
import type { FormAction, ShellViewer } from "./types";

/**
 * For people in several teams. Choosing a team authorizes again at Jiko for that team (a token
 * acts for one team), so the choice submits a form and the page leaves for Jiko's portal.
 */
export function TeamSwitcher({
  viewer,
  switchTeam,
}: {
  viewer: ShellViewer;
  switchTeam: FormAction;
}) {
  const form = useRef<HTMLFormElement>(null);
  const teamInput = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);

  if (viewer.teams.length < 2) {
    return (
      <span
        className="block max-w-48 truncate text-sm font-medium text-ink-700 lg:max-w-64 dark:text-ink-200"
        data-testid="active-team"
        title={viewer.team.name}
      >
        {viewer.team.name}
      </span>
    );
  }
  return (
    <form ref={form} action={switchTeam} onSubmit={() => setPending(true)}>
      <input ref={teamInput} type="hidden" name="teamId" defaultValue="" />
      <Menu.Root>
        <Menu.Trigger
          aria-label={`Team: ${viewer.team.name}. Switch team`}
          disabled={pending}
          className="flex items-center gap-2 rounded-md border border-ink-200 px-3 py-1.5 text-sm font-medium hover:bg-ink-100 dark:border-ink-700 dark:hover:bg-ink-800"
        >
          {/* A long team name is cut with an ellipsis so the header keeps one line at desktop
              width; the full name is in the title and the button's accessible name. */}
          <span
            data-testid="active-team"
            title={viewer.team.name}
            className="block max-w-48 truncate lg:max-w-64"
          >
            {pending ? "Switching…" : viewer.team.name}
          </span>
          <ChevronsUpDown aria-hidden="true" className="size-4 text-ink-500" />
        </Menu.Trigger>
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
                onSelect={() => {
                  if (teamInput.current) teamInput.current.value = team.id;
                  form.current?.requestSubmit();
                }}
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
    </form>
  );
}
