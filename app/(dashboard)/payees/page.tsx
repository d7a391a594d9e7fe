import type { Metadata } from "next";
import { PayeesView } from "@/components/payees/payees-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { parsePayeeFilters } from "@/lib/payee-filters";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { allCounterparties } from "@/server/transfers/lists";
import { requireViewer } from "@/server/viewer";
import { StreamedSection } from "../streamed-section";

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
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Payees</h1>
        <p className="text-ink-600 dark:text-ink-300">
          The accounts {viewer.team.name} may send money to. Jiko verifies each one before it can be
          paid.
        </p>
      </div>
      {/* The whole list, as the browser asks for it: filters apply in the page, so Back is instant. */}
      <StreamedSection
        load={(client) =>
          client.prefetchQuery({
            queryKey: queryKeys.counterparties(),
            queryFn: async () => ({ items: await allCounterparties(viewer.jiko) }),
          })
        }
        fallback={<Skeleton className="h-96" />}
      >
        <PayeesView filters={filters} canManage={can(capabilities, "payees:manage")} />
      </StreamedSection>
    </div>
  );
}
