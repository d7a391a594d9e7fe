"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { QueryView } from "@/components/ui/query-view";
import { Skeleton } from "@/components/ui/skeleton";
import {
  canApply,
  DOCUMENT_LABELS,
  documentsAsked,
  STATUS_WORDS,
} from "@/lib/application-documents";
import type { BusinessApplication } from "@/lib/jiko/applications";
import { DocumentUpload } from "./document-upload";
import { useApplication, useApply } from "./hooks";

/** A submitted application: its status in words as it moves, the documents asked, re-apply. */
export function ApplicationStatusView({ id }: { id: string }) {
  const query = useApplication(id);
  return (
    <QueryView query={query} what="The application" skeleton={<Skeleton className="h-64" />}>
      {(app) => <StatusCard app={app} />}
    </QueryView>
  );
}

function StatusCard({ app }: { app: BusinessApplication }) {
  const router = useRouter();
  const apply = useApply();
  const [error, setError] = useState<string | null>(null);
  const refreshed = useRef(false);
  const words = STATUS_WORDS[app.status];
  const { needed, uploaded } = documentsAsked(app);

  // Approved: the person is the new team's admin. The route has forgotten who they were, so the
  // page's shell is read again and its team switcher lists the new team.
  useEffect(() => {
    if (app.status === "APPROVED" && !refreshed.current) {
      refreshed.current = true;
      router.refresh();
    }
  }, [app.status, router]);

  const reapply = async () => {
    setError(null);
    try {
      await apply.mutateAsync(app.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Something went wrong.");
    }
  };

  return (
    <div className="space-y-6">
      <Card title={app.business_name ?? "New entity"}>
        <div className="space-y-3" aria-live="polite">
          <p className="flex flex-wrap items-center gap-2">
            <span className="text-sm">Status:</span>
            <span data-testid="application-status">
              <Badge tone={words.tone}>{words.label}</Badge>
            </span>
          </p>
          <p className="text-sm">{words.text}</p>
          {app.status === "APPROVED" && (
            <p className="text-sm font-medium" data-testid="approved-team">
              {app.business_name} is now one of your teams. Switch to it from the team menu at the
              top of the page.
            </p>
          )}
        </div>
      </Card>
      {(needed.length > 0 || app.status === "PENDING") && (
        <Card title="Documents Jiko asked for">
          <div className="space-y-4">
            <FormError message={error} />
            {needed.length > 0 ? (
              <ul className="grid gap-3 md:grid-cols-2">
                {needed.map((d) => (
                  <DocumentUpload key={d.type} applicationId={app.id} doc={d} />
                ))}
              </ul>
            ) : (
              <p className="text-sm">Every document is in.</p>
            )}
            {uploaded.length > 0 && (
              <ul className="space-y-1 text-sm" aria-label="Uploaded documents">
                {uploaded.map((d) => (
                  <li key={d.id}>Uploaded: {DOCUMENT_LABELS[d.type]?.label ?? d.type}</li>
                ))}
              </ul>
            )}
            <Button
              onClick={reapply}
              disabled={!canApply(app.status) || apply.isPending}
              aria-describedby="reapply-hint"
            >
              {apply.isPending ? "Applying…" : "Re-apply"}
            </Button>
            <p id="reapply-hint" className="text-xs text-ink-600 dark:text-ink-300">
              {canApply(app.status)
                ? "Jiko has every document: apply again to finish the review."
                : "Upload every document above first."}
            </p>
          </div>
        </Card>
      )}
    </div>
  );
}
