import type { QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { AccessCard } from "@/components/home/access-card";
import { CompanyCard } from "@/components/home/company-card";
import { TeamCard } from "@/components/home/team-card";
import { TreasuryOverview } from "@/components/overview/treasury-overview";
import { TreasurySkeleton } from "@/components/overview/treasury-skeleton";
import { Skeleton } from "@/components/ui/skeleton";
import { ROLE_LABELS } from "@/lib/jiko/roles";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { monthlyHistory } from "@/server/pockets/monthly-history";
import { buildOverview } from "@/server/pockets/overview";
import { requireViewer } from "@/server/viewer";
import { prefetchAfter, SEND_PENDING, StreamedSection } from "../streamed-section";

export const metadata: Metadata = { title: "Overview" };

const HISTORY_IN_PAGE_MS = 1_500;

/** The answer, or a rejection once `ms` have passed (the work itself goes on). */
function withinMs<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("The history is still being read")), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export default async function OverviewPage() {
  const viewer = await requireViewer();
  const capabilities = new Set(viewer.capabilities);
  const showTreasury = can(capabilities, "overview:view");
  const showTeam = can(capabilities, "team:view");

  // The heading needs no Jiko call and paints at once; each section follows as its own data
  // arrives, with the keys the client hooks use.
  const loadTreasury = async (client: QueryClient) => {
    const figures = client.prefetchQuery({
      queryKey: queryKeys.overview(),
      queryFn: () => buildOverview(viewer.jiko),
    });
    // The earnings history is not awaited: it is read once the figures are in (never competing
    // with them for Jiko), and its answer follows in the same response (a pending query is sent
    // as its promise). The charts need no request of their own, and a teammate sees the history
    // the team has filled at once. A read slower than HISTORY_IN_PAGE_MS (the first person's,
    // listing flows) is left to the browser, which asks for it itself, so the page's response
    // never stays open long.
    prefetchAfter(client, figures, {
      queryKey: queryKeys.monthlyHistory(),
      queryFn: () => withinMs(HISTORY_IN_PAGE_MS, monthlyHistory(viewer.userId, viewer.jiko)),
    });
    await figures;
  };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Welcome, {viewer.name.split(" ")[0]}</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Signed in as {ROLE_LABELS[viewer.role]} of {viewer.team.name}.
        </p>
      </div>
      {showTreasury && (
        <StreamedSection
          load={loadTreasury}
          dehydrate={SEND_PENDING}
          fallback={<TreasurySkeleton />}
        >
          <TreasuryOverview />
        </StreamedSection>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <StreamedSection
          load={(client) =>
            client.prefetchQuery({
              queryKey: queryKeys.customer(),
              queryFn: () => viewer.jiko.customer(),
            })
          }
          fallback={<Skeleton className="h-56" />}
        >
          <CompanyCard />
        </StreamedSection>
        <AccessCard
          role={viewer.role}
          teamName={viewer.team.name}
          capabilities={viewer.capabilities}
        />
        {showTeam && (
          <StreamedSection
            load={(client) =>
              client.prefetchQuery({
                queryKey: queryKeys.team(),
                queryFn: () => viewer.jiko.team(),
              })
            }
            fallback={<Skeleton className="h-56" />}
          >
            <TeamCard />
          </StreamedSection>
        )}
      </div>
    </div>
  );
}
