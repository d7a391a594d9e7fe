import type { ReactNode } from "react";
import { LiveUpdates } from "@/components/live/live-updates";
import { TEAM_ATTRIBUTE } from "@/lib/team-binding";
import { NavigationWait } from "./navigation-wait";
import { RememberViewer } from "./remembered-viewer";
import { ShellFrame } from "./shell-frame";
import { ShellHeader } from "./shell-header";
import type { FormAction, ShellViewer } from "./types";

export function AppShell({
  viewer,
  switchTeam,
  signOut,
  liveAfter,
  children,
}: {
  viewer: ShellViewer;
  /** The newest Jiko event when the page was rendered: live updates resume after it. */
  liveAfter: number;
  switchTeam: FormAction;
  signOut: FormAction;
  children: ReactNode;
}) {
  return (
    <ShellFrame header={<ShellHeader viewer={viewer} switchTeam={switchTeam} signOut={signOut} />}>
      <RememberViewer viewer={viewer} />
      <LiveUpdates after={liveAfter} />
      <NavigationWait />
      {/* The team this page acts for: changes sent from it name it (lib/team-binding.ts). */}
      <div className="contents" {...{ [TEAM_ATTRIBUTE]: viewer.team.id }}>
        {children}
      </div>
    </ShellFrame>
  );
}
