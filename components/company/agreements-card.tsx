"use client";

import { FileText } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { QueryView } from "@/components/ui/query-view";
import { Skeleton } from "@/components/ui/skeleton";
import { agreementPdfPath, formatCalendarDay } from "@/lib/company-agreements";
import { formatDateTime } from "@/lib/dates";
import { useAcknowledgeAgreement, useAgreements } from "./hooks";

/** Jiko's current agreements: each PDF, and the company's consent to this version. */
export function AgreementsCard({ canManage }: { canManage: boolean }) {
  const agreements = useAgreements();
  const acknowledge = useAcknowledgeAgreement();
  return (
    <Card title="Agreements">
      <QueryView query={agreements} what="The agreements" skeleton={<Skeleton className="h-40" />}>
        {(a) => (
          <div className="space-y-4">
            <p className="text-sm">
              Version <strong>{a.version}</strong>, released {formatCalendarDay(a.release_date)}.
            </p>
            <ul className="grid gap-2 sm:grid-cols-2">
              {a.documents.map((d) => (
                <li key={d.type}>
                  <a
                    href={agreementPdfPath(d.type)}
                    className="inline-flex items-center gap-2 text-sm text-brand-700 underline hover:text-brand-800 dark:text-brand-300 dark:hover:text-brand-200"
                  >
                    <FileText aria-hidden="true" className="size-4 shrink-0" />
                    {d.title}
                    <span className="sr-only"> (PDF)</span>
                  </a>
                </li>
              ))}
            </ul>
            {a.acknowledgement ? (
              <p
                className="flex flex-wrap items-center gap-2 text-sm"
                data-testid="agreement-consent"
              >
                <Badge tone="brand">Acknowledged</Badge>
                Version {a.acknowledgement.version} by {a.acknowledgement.acknowledged_by.name},{" "}
                {formatDateTime(a.acknowledgement.acknowledged_at)}
              </p>
            ) : (
              <div className="space-y-2">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <Badge tone="warning">Not acknowledged</Badge>
                  {canManage
                    ? "Read the documents above, then acknowledge this version for the company."
                    : "An admin of the team acknowledges each version for the company."}
                </p>
                <FormError message={acknowledge.error?.message} />
                {canManage && (
                  <Button
                    onClick={() => acknowledge.mutate(a.version)}
                    disabled={acknowledge.isPending}
                  >
                    {acknowledge.isPending ? "Acknowledging…" : `Acknowledge version ${a.version}`}
                  </Button>
                )}
              </div>
            )}
          </div>
        )}
      </QueryView>
    </Card>
  );
}
