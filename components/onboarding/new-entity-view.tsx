"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { QueryView } from "@/components/ui/query-view";
import { Skeleton } from "@/components/ui/skeleton";
import { STATUS_WORDS } from "@/lib/application-documents";
import { openDraft } from "@/lib/application-form";
import { useAgreement, useApplications } from "./hooks";
import { NewEntityWizard } from "./new-entity-wizard";

/** The draft (resumed, or a new one) and the person's earlier applications with their status. */
export function NewEntityView() {
  const applications = useApplications();
  const agreement = useAgreement();
  const both = {
    isPending: applications.isPending || agreement.isPending,
    error: applications.error ?? agreement.error,
    data:
      applications.data && agreement.data
        ? { items: applications.data.items, agreement: agreement.data }
        : undefined,
    refetch: () => Promise.all([applications.refetch(), agreement.refetch()]),
  };
  return (
    <QueryView query={both} what="The application" skeleton={<Skeleton className="h-96" />}>
      {({ items, agreement }) => {
        const earlier = items.filter((a) => a.status !== "CREATED");
        return (
          <div className="space-y-6">
            <NewEntityWizard draft={openDraft(items)} agreement={agreement} />
            {earlier.length > 0 && (
              <Card title="Your applications">
                <ul className="divide-y divide-ink-200 text-sm dark:divide-ink-800">
                  {earlier.map((a) => (
                    <li
                      key={a.id}
                      className="flex flex-wrap items-center justify-between gap-2 py-2"
                    >
                      <Link
                        href={`/company/new-entity/${a.id}`}
                        className="text-brand-700 underline dark:text-brand-300"
                      >
                        {a.business_name ?? "Unnamed entity"}
                      </Link>
                      <Badge tone={STATUS_WORDS[a.status].tone}>
                        {STATUS_WORDS[a.status].label}
                      </Badge>
                    </li>
                  ))}
                </ul>
              </Card>
            )}
          </div>
        );
      }}
    </QueryView>
  );
}
