import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PocketDetail } from "@/components/pockets/pocket-detail";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/permissions";
import { makeQueryClient } from "@/lib/query-client";
import { queryKeys } from "@/lib/query-keys";
import { pocketListQuery } from "@/server/pockets/all-pockets";
import { requireViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Pocket" };

export default async function PocketPage({ params }: { params: Promise<{ pocketId: string }> }) {
  const id = z.uuid().safeParse((await params).pocketId);
  if (!id.success) notFound();
  const viewer = await requireViewer();
  const capabilities = new Set(viewer.capabilities);
  if (!can(capabilities, "overview:view")) return <Forbidden what="seeing pockets" />;
  const queryClient = makeQueryClient();
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: queryKeys.pocket(id.data),
      queryFn: () => viewer.jiko.pocket(id.data),
    }),
    queryClient.prefetchQuery(pocketListQuery(viewer.jiko)),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PocketDetail
        pocketId={id.data}
        canManage={can(capabilities, "pockets:manage")}
        canReveal={can(capabilities, "accounts:reveal")}
      />
    </HydrationBoundary>
  );
}
