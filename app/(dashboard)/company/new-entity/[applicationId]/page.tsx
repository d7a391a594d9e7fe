import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ApplicationStatusView } from "@/components/onboarding/application-status";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { readApplication } from "@/server/applications/applications";
import { firstPaintClient, throwIfJikoAway } from "@/server/section-state";
import { requireViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "New entity application" };

export default async function ApplicationPage({
  params,
}: {
  params: Promise<{ applicationId: string }>;
}) {
  const id = z.uuid().safeParse((await params).applicationId);
  if (!id.success) notFound();
  const viewer = await requireViewer();
  if (!can(new Set(viewer.capabilities), "entities:open"))
    return <Forbidden what="applying for a new entity" />;
  const queryClient = firstPaintClient();
  await queryClient.prefetchQuery({
    queryKey: queryKeys.application(id.data),
    queryFn: () => readApplication(viewer, id.data),
  });
  throwIfJikoAway(queryClient);
  return (
    <div className="space-y-6">
      <div>
        <Link
          href="/company/new-entity"
          className="text-sm text-brand-700 underline dark:text-brand-300"
        >
          Back to New entity
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">New entity application</h1>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ApplicationStatusView id={id.data} />
      </HydrationBoundary>
    </div>
  );
}
