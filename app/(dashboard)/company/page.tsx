import { Building2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AgreementsCard } from "@/components/company/agreements-card";
import { DocumentsCard } from "@/components/company/documents-card";
import { OwnersCard } from "@/components/company/owners-card";
import { ProfileCard } from "@/components/company/profile-card";
import { buttonClass } from "@/components/ui/button";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { DOCUMENTS_PAGE_SIZE } from "@/lib/company-files";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { companyAgreements } from "@/server/company/agreements";
import { companyDocuments } from "@/server/company/documents";
import { requireViewer } from "@/server/viewer";
import { StreamedSection } from "../streamed-section";

export const metadata: Metadata = { title: "Company" };

export default async function CompanyPage() {
  const viewer = await requireViewer();
  const capabilities = new Set(viewer.capabilities);
  if (!can(capabilities, "company:view")) return <Forbidden what="seeing the company" />;
  const canManage = can(capabilities, "company:manage");
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
      {/* Each card streams with its own read, under its hook's key: none waits on another. */}
      <div className="grid gap-6 xl:grid-cols-2">
        <StreamedSection
          load={(client) =>
            client.prefetchQuery({
              queryKey: queryKeys.customer(),
              queryFn: () => viewer.jiko.customer(),
            })
          }
          fallback={<Skeleton className="h-72" />}
        >
          <ProfileCard canManage={canManage} />
        </StreamedSection>
        <StreamedSection
          load={(client) =>
            client.prefetchQuery({
              queryKey: queryKeys.companyAgreements(),
              queryFn: () => companyAgreements(viewer.jiko),
            })
          }
          fallback={<Skeleton className="h-72" />}
        >
          <AgreementsCard canManage={canManage} />
        </StreamedSection>
      </div>
      <StreamedSection
        load={(client) =>
          client.prefetchQuery({
            queryKey: queryKeys.companyOwners(),
            queryFn: () => viewer.jiko.beneficialOwners(),
          })
        }
        fallback={<Skeleton className="h-48" />}
      >
        <OwnersCard />
      </StreamedSection>
      <StreamedSection
        load={(client) =>
          client.prefetchInfiniteQuery({
            queryKey: queryKeys.companyDocuments(),
            initialPageParam: null,
            queryFn: () => companyDocuments(viewer.jiko, { limit: DOCUMENTS_PAGE_SIZE }),
          })
        }
        fallback={<Skeleton className="h-48" />}
      >
        <DocumentsCard canManage={canManage} />
      </StreamedSection>
    </div>
  );
}
