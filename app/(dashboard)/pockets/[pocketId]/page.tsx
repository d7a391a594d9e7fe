import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound, unstable_rethrow } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { PocketDetail } from "@/components/pockets/pocket-detail";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/permissions";
import { makeQueryClient } from "@/lib/query-client";
import { queryKeys } from "@/lib/query-keys";
import { isJikoError } from "@/server/jiko/errors";
import { pocketListQuery } from "@/server/pockets/all-pockets";
import { pocketClosedAt } from "@/server/pockets/closed-at";
import { requireViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Pocket" };

type Params = Promise<{ pocketId: string }>;

/**
 * The pocket, asked of Jiko once per request. Jiko's 404 (no such pocket, or another customer's)
 * is final: the page says so at once, never retrying it. Other failures (Jiko away) are left to
 * the browser's query, which shows them and comes back by itself.
 * The dashboard's loading screen has started the response by then, so the status stays 200
 * (Next marks the page noindex); a 404 status needs the check before streaming starts.
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

export default async function PocketPage({ params }: { params: Params }) {
  const pocketId = (await params).pocketId;
  const pocket = await loadPocket(pocketId).catch((error: unknown) => {
    unstable_rethrow(error);
    return undefined;
  });
  const viewer = await requireViewer();
  const capabilities = new Set(viewer.capabilities);
  if (pocket === null) return <Forbidden what="seeing pockets" />;
  const queryClient = makeQueryClient();
  if (pocket) queryClient.setQueryData(queryKeys.pocket(pocket.id), pocket);
  const [closedAt] = await Promise.all([
    pocket?.status === "CLOSED" && can(capabilities, "audit:view")
      ? pocketClosedAt(viewer.jiko, pocket.id)
      : null,
    queryClient.prefetchQuery(pocketListQuery(viewer.jiko)),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PocketDetail
        pocketId={pocketId}
        canManage={can(capabilities, "pockets:manage")}
        canReveal={can(capabilities, "accounts:reveal")}
        closedAt={closedAt}
      />
    </HydrationBoundary>
  );
}
