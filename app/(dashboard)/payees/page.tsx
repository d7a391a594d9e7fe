import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { PayeesView } from "@/components/payees/payees-view";
import { Forbidden } from "@/components/ui/forbidden";
import { parsePayeeFilters } from "@/lib/payee-filters";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { firstPaintClient, throwIfJikoAway } from "@/server/section-state";
import { allCounterparties } from "@/server/transfers/lists";
import { requireViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Payees" };

export default async function PayeesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const capabilities = new Set(viewer.capabilities);
  if (!can(capabilities, "transfers:view")) return <Forbidden what="seeing payees" />;
  const filters = parsePayeeFilters(await searchParams);
  const queryClient = firstPaintClient();
  // The whole list, as the browser asks for it: filters apply in the page, so Back is instant.
  await queryClient.prefetchQuery({
    queryKey: queryKeys.counterparties(),
    queryFn: async () => ({ items: await allCounterparties(viewer.jiko) }),
  });
  throwIfJikoAway(queryClient);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Payees</h1>
        <p className="text-ink-600 dark:text-ink-300">
          The accounts {viewer.team.name} may send money to. Jiko verifies each one before it can be
          paid.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <PayeesView filters={filters} canManage={can(capabilities, "payees:manage")} />
      </HydrationBoundary>
    </div>
  );
}
