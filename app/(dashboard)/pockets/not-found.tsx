import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { getViewer } from "@/server/viewer";

/** A pocket Jiko does not know for this team: absent, or another customer's. Never retried. */
export default async function PocketNotFound() {
  const viewer = await getViewer();
  const team = viewer?.team.name ?? "this team";
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-semibold">Pocket not found</h1>
      <p className="mt-2 text-ink-600 dark:text-ink-300">
        This pocket does not exist, or it is not in {team}. If it belongs to another team, switch to
        that team first.
      </p>
      <Link href="/pockets" className={buttonClass("secondary", "mt-6")}>
        Back to Pockets
      </Link>
    </div>
  );
}
