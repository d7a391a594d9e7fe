import type { Metadata } from "next";
import Link from "next/link";
import { NewEntityView } from "@/components/onboarding/new-entity-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { currentAgreement, ownApplications } from "@/server/applications/applications";
import { requireViewer } from "@/server/viewer";
import { StreamedSection } from "../../streamed-section";

export const metadata: Metadata = { title: "New entity" };

export default async function NewEntityPage() {
  const viewer = await requireViewer();
  if (!can(new Set(viewer.capabilities), "entities:open"))
    return <Forbidden what="applying for a new entity" />;
  return (
    <div className="space-y-6">
      <div>
        <Link href="/company" className="text-sm text-brand-700 underline dark:text-brand-300">
          Back to Company
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">New entity</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Apply to Jiko to open another company. Once approved it becomes a team of its own, with
          you as its first admin.
        </p>
      </div>
      <StreamedSection
        load={(client) =>
          Promise.all([
            client.prefetchQuery({
              queryKey: queryKeys.applications(),
              queryFn: () => ownApplications(viewer),
            }),
            client.prefetchQuery({
              queryKey: queryKeys.applicationAgreement(),
              queryFn: () => currentAgreement(viewer),
            }),
          ])
        }
        fallback={<Skeleton className="h-96" />}
      >
        <NewEntityView />
      </StreamedSection>
    </div>
  );
}
