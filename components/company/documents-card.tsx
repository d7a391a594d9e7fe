"use client";

import { Download } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyMessage, QueryView } from "@/components/ui/query-view";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { stacked } from "@/components/ui/stacked-rows";
import { TableHead } from "@/components/ui/table-head";
import { DOCUMENT_STATUS_LABELS, DOCUMENT_TYPE_LABELS } from "@/lib/company-files";
import { formatDateTime } from "@/lib/dates";
import type { Document } from "@/lib/jiko/company";
import { useCompanyDocuments } from "./hooks";
import { UploadDocumentForm } from "./upload-document-form";

const TONES = {
  PENDING_UPLOAD: "neutral",
  PENDING_REVIEW: "warning",
  APPROVED: "brand",
  INVALID: "danger",
} as const satisfies Record<Document["status"], string>;

const columns = [
  { label: "Type" },
  { label: "Status" },
  { label: "Uploaded" },
  { label: "File", hidden: true },
];
const cell = `py-2.5 pr-4 align-top ${stacked.cell}`;

/** What the company has filed with Jiko, newest first; admins add to it. */
export function DocumentsCard({ canManage }: { canManage: boolean }) {
  const docs = useCompanyDocuments();
  const items = docs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title="Documents">
      <div className="space-y-5">
        {canManage && <UploadDocumentForm />}
        <QueryView
          query={docs}
          what="Documents"
          skeleton={<Skeleton className="h-40" />}
          isEmpty={() => items.length === 0}
          empty={<EmptyMessage>The company has filed no documents with Jiko yet.</EmptyMessage>}
        >
          {() => (
            <ScrollRegion label="Documents table">
              <table className={`w-full text-sm ${stacked.table}`}>
                <TableHead columns={columns} stacked />
                <tbody className={stacked.body}>
                  {items.map((d) => (
                    <tr
                      key={d.id}
                      data-testid={`document-${d.id}`}
                      className={`border-b border-ink-100 last:border-0 dark:border-ink-800 ${stacked.row}`}
                    >
                      <th scope="row" className={`${cell} text-left font-medium ${stacked.wide}`}>
                        {DOCUMENT_TYPE_LABELS[d.type]}
                        {d.name && (
                          <span className="block text-xs font-normal text-ink-600 dark:text-ink-300">
                            {d.name}
                          </span>
                        )}
                      </th>
                      <td className={`${cell} ${stacked.labelled}`} data-label="Status">
                        <Badge tone={TONES[d.status]}>{DOCUMENT_STATUS_LABELS[d.status]}</Badge>
                        {d.exception_reason && (
                          <span className="mt-0.5 block text-xs text-ink-600 dark:text-ink-300">
                            {d.exception_reason}
                          </span>
                        )}
                      </td>
                      <td
                        className={`${cell} whitespace-nowrap ${stacked.labelled}`}
                        data-label="Uploaded"
                      >
                        {d.created_at ? formatDateTime(d.created_at) : "—"}
                      </td>
                      <td
                        className={`py-2.5 text-right align-top ${stacked.cell} ${stacked.wide} max-sm:text-left`}
                      >
                        <a
                          href={`/api/company/documents/${encodeURIComponent(d.id)}`}
                          className={buttonClass("secondary", "px-2.5 py-1 text-xs")}
                        >
                          <Download aria-hidden="true" className="size-3.5" /> Download
                          <span className="sr-only"> {DOCUMENT_TYPE_LABELS[d.type]}</span>
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </QueryView>
        {docs.hasNextPage && (
          <Button
            variant="secondary"
            onClick={() => void docs.fetchNextPage()}
            disabled={docs.isFetchingNextPage}
          >
            {docs.isFetchingNextPage ? "Loading…" : "Show older documents"}
          </Button>
        )}
      </div>
    </Card>
  );
}
