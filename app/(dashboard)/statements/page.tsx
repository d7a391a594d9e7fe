import type { Metadata } from "next";
import { StatementsView } from "@/components/statements/statements-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { nyDate } from "@/lib/dates";
import { parseStatementFilters } from "@/lib/filter-schemas";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { statementFiltersToSearch, toStatementQuery } from "@/lib/statement-filters";
import { statementsForBrowser } from "@/server/downloads/statements";
import { pocketListQuery } from "@/server/pockets/all-pockets";
import { requireViewer } from "@/server/viewer";
import { StreamedSection } from "../streamed-section";

export const metadata: Metadata = { title: "Statements" };

/** Jiko keeps six years of brokerage statements: offer this year and the five before. */
const YEARS_OFFERED = 6;

export default async function StatementsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  if (!can(new Set(viewer.capabilities), "documents:view"))
    return <Forbidden what="downloading statements" />;
  const filters = parseStatementFilters(await searchParams);
  const thisYear = nyDate(new Date().toISOString()).slice(0, 4);
  const years = Array.from({ length: YEARS_OFFERED }, (_, i) => String(Number(thisYear) - i));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Statements</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Monthly bank and brokerage statements and yearly tax forms for {viewer.team.name}’s
          pockets, downloaded from Jiko when you ask for them.
        </p>
      </div>
      <StreamedSection
        load={(client) =>
          Promise.all([
            client.prefetchQuery({
              queryKey: queryKeys.statements(statementFiltersToSearch(filters)),
              // The browser gets no signed links: downloads ask Jiko for a fresh one.
              queryFn: () => statementsForBrowser(viewer.jiko, toStatementQuery(filters, thisYear)),
            }),
            client.prefetchQuery(pocketListQuery(viewer.jiko)),
          ])
        }
        fallback={<Skeleton className="h-96" />}
      >
        <StatementsView filters={filters} years={years} />
      </StreamedSection>
    </div>
  );
}
