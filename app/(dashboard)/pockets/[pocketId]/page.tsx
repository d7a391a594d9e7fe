import { type DehydratedState, dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound, unstable_rethrow } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { PocketDetail } from "@/components/pockets/pocket-detail";
import { Forbidden } from "@/components/ui/forbidden";
import type { Pocket } from "@/lib/jiko/pockets";
import { can } from "@/lib/permissions";
import { earningsParamsOf, readPocketPeriod } from "@/lib/pocket-period";
import { customRange } from "@/lib/pocket-period-schemas";
import { queryKeys } from "@/lib/query-keys";
import { isJikoError } from "@/server/jiko/errors";
import { pocketListQuery } from "@/server/pockets/all-pockets";
import { pocketClosedAt } from "@/server/pockets/closed-at";
import { allTimeSpan } from "@/server/pockets/earnings-series";
import { pocketEarnings } from "@/server/pockets/pocket-earnings";
import { pocketPortals } from "@/server/pockets/portals";
import { firstPaintClient, throwIfJikoAway } from "@/server/section-state";
import { requireViewer, type Viewer } from "@/server/viewer";
import { DashboardLoading } from "../../dashboard-loading";
import { GraceBoundary, SEND_PENDING } from "../../streamed-section";

export const metadata: Metadata = { title: "Pocket" };

type Params = Promise<{ pocketId: string }>;

/**
 * The pocket, asked of Jiko once per request. Jiko's 404 (no such pocket, or another customer's)
 * is final: the page says so at once, never retrying it. Other failures (Jiko away) are left to
 * the browser's query, which shows them and comes back by itself.
 * No loading boundary lies above this check, so the response has not started and its status is
 * a real 404. What follows (PocketContent) comes with the page when Jiko answers within the
 * first-paint grace, else streams in behind the loading screen.
 */
const loadPocket = cache(async (pocketId: string) => {
  const id = z.uuid().safeParse(pocketId);
  if (!id.success) notFound();
  const viewer = await requireViewer();
  if (!can(new Set(viewer.capabilities), "overview:view")) return null;
  return viewer.jiko.pocket(id.data).catch((error: unknown) => {
    if (isJikoError(error) && error.code === "not-found") notFound();
    throw error;
  });
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PocketPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const pocketId = (await params).pocketId;
  const pocket = await loadPocket(pocketId).catch((error: unknown) => {
    unstable_rethrow(error);
    return undefined;
  });
  if (pocket === null) return <Forbidden what="seeing pockets" />;
  const viewer = await requireViewer();
  const content = loadPocketContent(viewer, pocket, searchParams);
  return (
    <GraceBoundary until={content} fallback={<DashboardLoading />}>
      <PocketContent pocketId={pocketId} viewer={viewer} content={content} />
    </GraceBoundary>
  );
}

/** The earnings period in the URL, if Jiko is to be asked for it (a custom range within bounds). */
async function earningsToPrefetch(viewer: Viewer, pocketId: string, searchParams: SearchParams) {
  const params = earningsParamsOf(readPocketPeriod(await searchParams));
  if (params?.period !== "range") return params;
  const opened = (await allTimeSpan(viewer.jiko, pocketId)).date_from;
  return customRange(opened).safeParse(params).success ? params : null;
}

interface PocketContentData {
  state: DehydratedState;
  /** When the pocket was closed, if Jiko's audit log says so to this person. */
  closedAt: string | null;
}

/**
 * What the pocket's page shows beyond the pocket itself: the pocket list, earnings, account
 * numbers, closing.
 */
async function loadPocketContent(
  viewer: Viewer,
  pocket: Pocket | undefined,
  searchParams: SearchParams,
): Promise<PocketContentData> {
  const queryClient = firstPaintClient();
  if (pocket) queryClient.setQueryData(queryKeys.pocket(pocket.id), pocket);
  const prefetchEarnings = async () => {
    const params = pocket && (await earningsToPrefetch(viewer, pocket.id, searchParams));
    if (!pocket || !params) return;
    await queryClient.prefetchQuery({
      queryKey: queryKeys.earnings(pocket.id, params),
      queryFn: () => pocketEarnings(viewer.userId, viewer.jiko, pocket.id, params),
    });
  };
  const [closedAt] = await Promise.all([
    pocket?.status === "CLOSED" && can(new Set(viewer.capabilities), "audit:view")
      ? pocketClosedAt(viewer.jiko, pocket.id)
      : null,
    queryClient.prefetchQuery(pocketListQuery(viewer.jiko)),
    prefetchEarnings().catch(() => undefined),
  ]);
  throwIfJikoAway(queryClient);
  // Read once the page's own reads are in and sent on, still pending, in the same response (no
  // request of the browser's own): the masked account numbers (a closed pocket offers none) and
  // the strategies the "Change strategy" dialog offers.
  if (pocket && pocket.status !== "CLOSED") {
    void queryClient.prefetchQuery({
      queryKey: queryKeys.portals(pocket.id, false),
      queryFn: () => pocketPortals(viewer.jiko, pocket.id, false),
    });
    if (can(new Set(viewer.capabilities), "pockets:manage"))
      void queryClient.prefetchQuery({
        queryKey: queryKeys.strategies(),
        queryFn: () => viewer.jiko.tradingStrategies(),
      });
  }
  return { state: dehydrate(queryClient, SEND_PENDING), closedAt };
}

async function PocketContent({
  pocketId,
  viewer,
  content,
}: {
  pocketId: string;
  viewer: Viewer;
  content: Promise<PocketContentData>;
}) {
  const capabilities = new Set(viewer.capabilities);
  const { state, closedAt } = await content;
  return (
    <HydrationBoundary state={state}>
      <PocketDetail
        pocketId={pocketId}
        canManage={can(capabilities, "pockets:manage")}
        canReveal={can(capabilities, "accounts:reveal")}
        closedAt={closedAt}
      />
    </HydrationBoundary>
  );
}
