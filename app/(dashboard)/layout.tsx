import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import type { ShellViewer } from "@/components/shell/types";
import { signOutOfDashboard, switchTeam } from "@/server/auth/actions";
import { requireViewer } from "@/server/viewer";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const shellViewer: ShellViewer = {
    name: viewer.name,
    email: viewer.email,
    role: viewer.role,
    team: viewer.team,
    teams: viewer.memberships.map((m) => ({
      id: m.team_id,
      name: m.team_name,
      customerName: m.customer_name,
      role: m.role,
    })),
    capabilities: viewer.capabilities,
  };
  return (
    <AppShell viewer={shellViewer} switchTeam={switchTeam} signOut={signOutOfDashboard}>
      {children}
    </AppShell>
  );
}
