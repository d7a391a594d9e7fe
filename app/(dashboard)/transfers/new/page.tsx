import type { Metadata } from "next";
import Link from "next/link";
import { NewTransfer } from "@/components/transfers/new-transfer-form";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { pocketListQuery } from "@/server/pockets/all-pockets";
import { availableToSend, payablePayees, reviewersFor } from "@/server/transfers/new-transfer";
import { requireViewer } from "@/server/viewer";
import { StreamedSection } from "../../streamed-section";

export const metadata: Metadata = { title: "New transfer" };

export default async function NewTransferPage() {
  const viewer = await requireViewer();
  if (!can(new Set(viewer.capabilities), "transfers:initiate"))
    return <Forbidden what="requesting transfers" />;
  return (
    <div className="space-y-6">
      <div>
        <Link href="/transfers" className="text-sm text-brand-700 underline dark:text-brand-300">
          Back to Transfers
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">New transfer</h1>
        <p className="text-ink-600 dark:text-ink-300">
          From one of {viewer.team.name}’s pockets to a payee or another pocket. A reviewer other
          than you approves it before anything moves.
        </p>
      </div>
      {/* What each pocket has left to send, the payees and the reviewers: the form's first paint. */}
      <StreamedSection
        load={(client) =>
          Promise.all([
            client.prefetchQuery({
              queryKey: queryKeys.available(),
              queryFn: () => availableToSend(viewer),
            }),
            client.prefetchQuery({
              queryKey: queryKeys.payablePayees(),
              queryFn: () => payablePayees(viewer),
            }),
            client.prefetchQuery({
              queryKey: queryKeys.transferReviewers(),
              queryFn: () => reviewersFor(viewer),
            }),
            client.prefetchQuery(pocketListQuery(viewer.jiko)),
          ])
        }
        fallback={<Skeleton className="h-96" />}
      >
        <NewTransfer owner={viewer.memberId} />
      </StreamedSection>
    </div>
  );
}
