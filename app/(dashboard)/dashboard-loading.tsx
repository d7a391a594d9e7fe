import { SlowAnswer } from "@/components/shell/slow-answer";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The dashboard's loading screen. Each page folder shows it from its own loading.tsx rather than
 * one boundary for the whole dashboard: a boundary above the pocket page would start the response
 * before it can answer 404 for a pocket that is not there.
 */
export function DashboardLoading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading" className="space-y-6">
      <Skeleton className="h-8 w-64" />
      <SlowAnswer />
      <div className="grid gap-6 lg:grid-cols-3">
        <Skeleton className="h-56" />
        <Skeleton className="h-56" />
        <Skeleton className="h-56" />
      </div>
    </div>
  );
}
