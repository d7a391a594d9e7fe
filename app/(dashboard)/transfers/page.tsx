import type { Metadata } from "next";
import Link from "next/link";
import { RequestsList } from "@/components/transfers/requests-list";
import { buttonClass } from "@/components/ui/button";
import { Forbidden } from "@/components/ui/forbidden";
import { LinkTabs } from "@/components/ui/link-tabs";
import { Skeleton } from "@/components/ui/skeleton";
import { can } from "@/lib/permissions";
import { requestsListLoad } from "@/server/transfers/requests-list";
import { requireViewer } from "@/server/viewer";
import { StreamedSection } from "../streamed-section";

export const metadata: Metadata = { title: "Transfers" };

const TABS = [
  { id: "mine", href: "/transfers?view=mine", label: "My requests" },
  { id: "all", href: "/transfers?view=all", label: "All requests" },
] as const;

export default async function TransfersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const capabilities = new Set(viewer.capabilities);
  if (!can(capabilities, "transfers:view")) return <Forbidden what="seeing transfers" />;
  const initiator = can(capabilities, "transfers:initiate");
  const params = await searchParams;
  const view =
    params.view === "mine" || params.view === "all" ? params.view : initiator ? "mine" : "all";
  const made = typeof params.made === "string" ? params.made : undefined;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Transfers</h1>
          <p className="text-ink-600 dark:text-ink-300">
            Money leaving {viewer.team.name}’s pockets: every transfer waits for a second person’s
            approval.
          </p>
        </div>
        {initiator && (
          <Link href="/transfers/new" className={buttonClass()}>
            New transfer
          </Link>
        )}
      </div>
      <LinkTabs label="Transfer requests" tabs={initiator ? TABS : TABS.slice(1)} current={view} />
      <StreamedSection
        load={requestsListLoad(viewer, view)}
        fallback={<Skeleton className="h-64" />}
      >
        <RequestsList view={view} memberId={viewer.memberId} highlight={made} />
      </StreamedSection>
    </div>
  );
}
