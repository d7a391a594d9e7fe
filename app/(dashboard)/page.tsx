import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { AccessCard } from "@/components/home/access-card";
import { CompanyCard } from "@/components/home/company-card";
import { TeamCard } from "@/components/home/team-card";
import { ROLE_LABELS } from "@/lib/jiko/roles";
import { can } from "@/lib/permissions";
import { makeQueryClient } from "@/lib/query-client";
import { queryKeys } from "@/lib/query-keys";
import { requireViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const viewer = await requireViewer();
  const showTeam = can(new Set(viewer.capabilities), "team:view");
  // First paint from the server, with the keys the client hooks use.
  const queryClient = makeQueryClient();
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: queryKeys.customer(),
      queryFn: () => viewer.jiko.customer(),
    }),
    showTeam &&
      queryClient.prefetchQuery({ queryKey: queryKeys.team(), queryFn: () => viewer.jiko.team() }),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Welcome, {viewer.name.split(" ")[0]}</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Signed in as {ROLE_LABELS[viewer.role]} of {viewer.team.name}.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <div className="grid gap-6 lg:grid-cols-3">
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
