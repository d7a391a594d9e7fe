import type { Metadata } from "next";
import { ApprovalQueue } from "@/components/transfers/approval-queue";
import { ControlsReport, DecidedRequests } from "@/components/transfers/approvals-views";
import { Forbidden } from "@/components/ui/forbidden";
import { LinkTabs } from "@/components/ui/link-tabs";
import { Skeleton } from "@/components/ui/skeleton";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { QUEUE_PAGE } from "@/lib/transfers/review";
import { requestsListLoad } from "@/server/transfers/requests-list";
import { buildReviewQueue } from "@/server/transfers/review-queue";
import { requireViewer } from "@/server/viewer";
import { StreamedSection } from "../streamed-section";

export const metadata: Metadata = { title: "Approvals" };

const TABS = [
  { id: "queue", href: "/approvals", label: "Awaiting me" },
  { id: "history", href: "/approvals?view=history", label: "History" },
  { id: "controls", href: "/approvals?view=controls", label: "Controls report" },
] as const;

export default async function ApprovalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const capabilities = new Set(viewer.capabilities);
  if (!can(capabilities, "transfers:review"))
    return <Forbidden what="reviewing transfer requests" />;
  const params = await searchParams;
  const controls = can(capabilities, "audit:view");
  const view =
    params.view === "history" || (params.view === "controls" && controls) ? params.view : "queue";
  const day = (v: unknown) =>
    typeof v === "string" && /^\d{4}-\d\d-\d\d$/.test(v) ? v : undefined;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Approvals</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Transfer requests from {viewer.team.name} that need a second person. You never decide your
          own.
        </p>
      </div>
      <LinkTabs label="Approvals" tabs={controls ? TABS : TABS.slice(0, 2)} current={view} />
      {view === "queue" && (
        // The queue's first cards, with each request's context, come in the page's own response.
        <StreamedSection
          primary
          load={(client) =>
            client.prefetchQuery({
              queryKey: queryKeys.reviewQueue(QUEUE_PAGE),
              queryFn: () => buildReviewQueue(viewer, QUEUE_PAGE),
            })
          }
          fallback={<Skeleton className="h-96" />}
        >
          <ApprovalQueue owner={viewer.memberId} />
        </StreamedSection>
      )}
      {view === "history" && (
        <StreamedSection
          load={requestsListLoad(viewer, "decided")}
          fallback={<Skeleton className="h-64" />}
        >
          <DecidedRequests memberId={viewer.memberId} />
        </StreamedSection>
      )}
      {view === "controls" && <ControlsReport from={day(params.from)} to={day(params.to)} />}
    </div>
  );
}
