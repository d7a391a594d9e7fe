import type { Metadata } from "next";
import { ApprovalQueue } from "@/components/transfers/approval-queue";
import { RequestsList } from "@/components/transfers/requests-list";
import { Forbidden } from "@/components/ui/forbidden";
import { LinkTabs } from "@/components/ui/link-tabs";
import { can } from "@/lib/permissions";
import { requireViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Approvals" };

const TABS = [
  { id: "queue", href: "/approvals", label: "Awaiting me" },
  { id: "history", href: "/approvals?view=history", label: "History" },
] as const;

export default async function ApprovalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  if (!can(new Set(viewer.capabilities), "transfers:review"))
    return <Forbidden what="reviewing transfer requests" />;
  const view = (await searchParams).view === "history" ? "history" : "queue";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Approvals</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Transfer requests from {viewer.team.name} that need a second person. You never decide your
          own.
        </p>
      </div>
      <LinkTabs label="Approvals" tabs={TABS} current={view} />
      {view === "queue" ? (
        <ApprovalQueue />
      ) : (
        <RequestsList view="decided" memberId={viewer.memberId} />
      )}
    </div>
  );
}
