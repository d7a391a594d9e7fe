import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { Building2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AgreementsCard } from "@/components/company/agreements-card";
import { DocumentsCard } from "@/components/company/documents-card";
import { OwnersCard } from "@/components/company/owners-card";
import { ProfileCard } from "@/components/company/profile-card";
import { buttonClass } from "@/components/ui/button";
import { Forbidden } from "@/components/ui/forbidden";
import { DOCUMENTS_PAGE_SIZE } from "@/lib/company-files";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { companyAgreements } from "@/server/company/agreements";
import { companyDocuments } from "@/server/company/documents";
import { firstPaintClient, throwIfJikoAway } from "@/server/section-state";
import { requireViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Company" };

export default async function CompanyPage() {
  const viewer = await requireViewer();
  const capabilities = new Set(viewer.capabilities);
  if (!can(capabilities, "company:view")) return <Forbidden what="seeing the company" />;
  const canManage = can(capabilities, "company:manage");
  const queryClient = firstPaintClient();
  // The same reads, under the same keys, as the sections' hooks: the page paints with them.
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: queryKeys.customer(),
      queryFn: () => viewer.jiko.customer(),
    }),
    queryClient.prefetchQuery({
      queryKey: queryKeys.companyOwners(),
      queryFn: () => viewer.jiko.beneficialOwners(),
    }),
    queryClient.prefetchQuery({
      queryKey: queryKeys.companyAgreements(),
      queryFn: () => companyAgreements(viewer.jiko),
    }),
    queryClient.prefetchInfiniteQuery({
      queryKey: queryKeys.companyDocuments(),
      initialPageParam: null,
      queryFn: () => companyDocuments(viewer.jiko, { limit: DOCUMENTS_PAGE_SIZE }),
    }),
  ]);
  throwIfJikoAway(queryClient);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Company</h1>
          <p className="text-ink-600 dark:text-ink-300">
            {viewer.team.name} as Jiko knows it: its details, owners, agreements and documents.
          </p>
        </div>
        {canManage && (
          <Link href="/company/new-entity" className={buttonClass("secondary")}>
            <Building2 aria-hidden="true" className="size-4" /> Open an account for a new entity
          </Link>
        )}
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <div className="grid gap-6 xl:grid-cols-2">
          <ProfileCard canManage={canManage} />
          <AgreementsCard canManage={canManage} />
        </div>
        <OwnersCard />
        <DocumentsCard canManage={canManage} />
      </HydrationBoundary>
    </div>
  );
}
