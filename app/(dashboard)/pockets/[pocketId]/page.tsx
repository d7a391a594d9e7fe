import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
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

export default async function PocketPage({ params }: { params: Promise<{ pocketId: string }> }) {
  const id = z.uuid().safeParse((await params).pocketId);
  if (!id.success) notFound();
  const viewer = await requireViewer();
  const capabilities = new Set(viewer.capabilities);
  if (!can(capabilities, "overview:view")) return <Forbidden what="seeing pockets" />;
  const queryClient = makeQueryClient();
  // The pocket is asked for once, not prefetched: Jiko's 404 (no such pocket, or another
  // customer's) is final, so the page answers 404 at once instead of retrying it.
  const [pocket] = await Promise.all([
    viewer.jiko.pocket(id.data).catch((error: unknown) => {
      if (isJikoError(error) && error.code === "not-found") notFound();
      throw error;
    }),
    queryClient.prefetchQuery(pocketListQuery(viewer.jiko)),
  ]);
  queryClient.setQueryData(queryKeys.pocket(id.data), pocket);
  const closedAt =
    pocket.status === "CLOSED" && can(capabilities, "audit:view")
      ? await pocketClosedAt(viewer.jiko, id.data)
      : null;
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PocketDetail
        pocketId={id.data}
        canManage={can(capabilities, "pockets:manage")}
        canReveal={can(capabilities, "accounts:reveal")}
        closedAt={closedAt}
      />
    </HydrationBoundary>
  );
}
