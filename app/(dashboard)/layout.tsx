import type { ReactNode } from "react";
import { DashboardProviders } from "@/components/providers/dashboard-providers";
import { AppShell } from "@/components/shell/app-shell";
import { LazyOutageShell } from "@/components/shell/outage-shell-loader";
import type { ShellViewer } from "@/components/shell/types";
import { can } from "@/lib/permissions";
import { signOutOfDashboard, switchTeam } from "@/server/auth/actions";
import { JikoError } from "@/server/jiko";
import { latestSeq } from "@/server/live/events-store";
import { fillHistoryAfterSignIn } from "@/server/pockets/history-at-sign-in";
import { requireViewer, type Viewer } from "@/server/viewer";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  let viewer: Viewer;
  try {
    viewer = await requireViewer();
  } catch (error) {
    // Only Jiko being away is shown here. Anything else goes on up, the redirect to sign-in of
    // an ended session first of all (Next's redirect is a thrown error too).
    if (
      !(error instanceof JikoError) ||
      (error.code !== "unavailable" && error.code !== "rate-limited")
    ) {
      throw error;
    }
    return (
      <DashboardProviders>
        <LazyOutageShell
          outage={{ kind: error.code, retryAfterSeconds: error.retryAfterSeconds }}
          failedAt={Date.now()}
          switchTeam={switchTeam}
          signOut={signOutOfDashboard}
        />
      </DashboardProviders>
    );
  }
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
  // The team's earnings history starts filling on the first page after sign-in, not only when
  // the overview is opened.
  if (can(new Set(viewer.capabilities), "overview:view")) fillHistoryAfterSignIn(viewer);
  const liveAfter = await latestSeq(viewer.customerId);
  return (
    <DashboardProviders>
      <AppShell
        viewer={shellViewer}
        liveAfter={liveAfter}
        switchTeam={switchTeam}
        signOut={signOutOfDashboard}
      >
        {children}
      </AppShell>
    </DashboardProviders>
  );
}
