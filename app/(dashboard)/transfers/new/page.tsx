import type { Metadata } from "next";
import Link from "next/link";
import { NewTransfer } from "@/components/transfers/new-transfer-form";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/permissions";
import { requireViewer } from "@/server/viewer";

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
      <NewTransfer />
    </div>
  );
}
