"use client";

import { ChevronsUpDown } from "lucide-react";
import { lazy, useRef, useState } from "react";
import { DeferredMenu } from "@/components/ui/deferred-menu";
import type { FormAction, ShellViewer } from "./types";

// Radix's menu loads on first use: every page shows the header, few people switch teams.
const loadMenu = () => import("./team-switcher-menu");
const TeamSwitcherMenu = lazy(() => loadMenu().then((m) => ({ default: m.TeamSwitcherMenu })));

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
  const trigger = {
    "aria-label": `Team: ${viewer.team.name}. Switch team`,
    disabled: pending,
    className:
      "flex items-center gap-2 rounded-md border border-ink-200 px-3 py-1.5 text-sm font-medium hover:bg-ink-100 dark:border-ink-700 dark:hover:bg-ink-800",
    children: (
      <>
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
      </>
    ),
  };
  const choose = (teamId: string) => {
    if (teamInput.current) teamInput.current.value = teamId;
    form.current?.requestSubmit();
  };
  return (
    <form ref={form} action={switchTeam} onSubmit={() => setPending(true)}>
      <input ref={teamInput} type="hidden" name="teamId" defaultValue="" />
      <DeferredMenu
        trigger={trigger}
        load={loadMenu}
        menu={<TeamSwitcherMenu trigger={trigger} viewer={viewer} onChoose={choose} />}
      />
    </form>
  );
}
