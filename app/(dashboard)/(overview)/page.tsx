import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { AccessCard } from "@/components/home/access-card";
import { CompanyCard } from "@/components/home/company-card";
import { TeamCard } from "@/components/home/team-card";
import { TreasuryOverview } from "@/components/overview/treasury-overview";
import { ROLE_LABELS } from "@/lib/jiko/roles";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { buildOverview } from "@/server/pockets/overview";
import { firstPaintClient, throwIfJikoAway } from "@/server/section-state";
import { requireViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const viewer = await requireViewer();
  const capabilities = new Set(viewer.capabilities);
  const showTreasury = can(capabilities, "overview:view");
  const showTeam = can(capabilities, "team:view");
  // First paint from the server, with the keys the client hooks use. The earnings history is
  // not awaited here: it fills in after the page is usable.
  const queryClient = firstPaintClient();
  await Promise.all([
    showTreasury &&
      queryClient.prefetchQuery({
        queryKey: queryKeys.overview(),
        queryFn: () => buildOverview(viewer.jiko),
      }),
    queryClient.prefetchQuery({
      queryKey: queryKeys.customer(),
      queryFn: () => viewer.jiko.customer(),
    }),
    showTeam &&
      queryClient.prefetchQuery({ queryKey: queryKeys.team(), queryFn: () => viewer.jiko.team() }),
  ]);

  throwIfJikoAway(queryClient);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Welcome, {viewer.name.split(" ")[0]}</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Signed in as {ROLE_LABELS[viewer.role]} of {viewer.team.name}.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        {showTreasury && <TreasuryOverview />}
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          <CompanyCard />
          <AccessCard
            role={viewer.role}
            teamName={viewer.team.name}
            capabilities={viewer.capabilities}
          />
          {showTeam && <TeamCard />}
        </div>
      </HydrationBoundary>
    </div>
  );
}
