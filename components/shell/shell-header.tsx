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
      <div className="order-last w-full min-w-0 sm:order-none sm:w-auto sm:flex-1">
        <NavLinks sections={sectionsFor(viewer.capabilities)} />
      </div>
      <div className="ml-auto sm:ml-0">
        <UserMenu viewer={viewer} signOut={signOut} />
      </div>
    </>
  );
}
