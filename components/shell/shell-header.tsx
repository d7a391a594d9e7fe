import { NotificationBell } from "@/components/notifications/notification-bell";
import { sectionsFor } from "@/lib/navigation";
import { Brand } from "./brand";
import { NavLinks } from "./nav-links";
import { TeamSwitcher } from "./team-switcher";
import type { FormAction, ShellViewer } from "./types";
import { UserMenu } from "./user-menu";

/** The header's contents for a signed-in person: product, team, sections, account. */
export function ShellHeader({
  viewer,
  switchTeam,
  signOut,
}: {
  viewer: ShellViewer;
  switchTeam: FormAction;
  signOut: FormAction;
}) {
  return (
    <>
      <Brand />
      <TeamSwitcher viewer={viewer} switchTeam={switchTeam} />
      {/* The sections have a row of their own at every width: a long team or person name can
          never push one out of sight, and a section added later still fits at 1280 px. */}
      <div className="order-last w-full min-w-0">
        <NavLinks sections={sectionsFor(viewer.capabilities)} />
      </div>
      <div className="ml-auto flex items-center gap-1">
        {viewer.capabilities.includes("notifications:view") && <NotificationBell />}
        <UserMenu viewer={viewer} signOut={signOut} />
      </div>
    </>
  );
}
