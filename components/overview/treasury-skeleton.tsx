import { Skeleton } from "@/components/ui/skeleton";

/**
 * The overview's shape while its figures load: the headline figures, the two charts and the
 * pockets and maturities below them, each about its real height, so the cards under the
 * overview do not jump when the figures arrive.
 */
export function TreasurySkeleton() {
  return (
    <div className="space-y-6" aria-hidden="true">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {["total", "yield", "month", "year"].map((figure) => (
          <Skeleton key={figure} className="h-[6.5rem]" />
        ))}
      </div>
      <Skeleton className="h-[23rem]" />
      <Skeleton className="h-[23rem]" />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Skeleton className="h-[19rem] lg:col-span-2" />
        <Skeleton className="h-[19rem]" />
      </div>
    </div>
  );
}
