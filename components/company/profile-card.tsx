"use client";

import { Pencil } from "lucide-react";
import { lazy, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Deferred } from "@/components/ui/deferred";
import { QueryView } from "@/components/ui/query-view";
import { Skeleton } from "@/components/ui/skeleton";
import type { Customer } from "@/lib/jiko/customer";
import { customerDisplayName } from "@/lib/jiko/customer-name";
import { useCompanyProfile } from "./hooks";

const EditProfileDialog = lazy(() =>
  import("./edit-profile-dialog").then((m) => ({ default: m.EditProfileDialog })),
);

const STATUS_TONES = {
  OPEN: "brand",
  PENDING: "warning",
  FROZEN: "danger",
  CLOSED: "neutral",
} as const satisfies Record<Customer["account_status"], string>;
const STATUS_LABELS = { OPEN: "Open", PENDING: "Pending", FROZEN: "Frozen", CLOSED: "Closed" };

function addressLines(a: Customer["address"]): string[] {
  return [
    a.street_address,
    a.street_address2 ?? "",
    `${a.city}, ${a.state} ${a.postal_code}`,
    a.country,
  ].filter(Boolean);
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm text-ink-600 dark:text-ink-300">{label}</dt>
      <dd className="text-sm break-words sm:col-span-2">{children}</dd>
    </div>
  );
}

/** Who the company is at Jiko; admins change its contact details here. */
export function ProfileCard({ canManage }: { canManage: boolean }) {
  const profile = useCompanyProfile();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title="Profile"
      action={
        canManage &&
        profile.data && (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            <Pencil aria-hidden="true" className="size-4" /> Edit contact details
          </Button>
        )
      }
    >
      <QueryView
        query={profile}
        what="The company's profile"
        skeleton={<Skeleton className="h-56" />}
      >
        {(c) => (
          <dl className="divide-y divide-ink-100 dark:divide-ink-800">
            <Row label="Name">{customerDisplayName(c)}</Row>
            <Row label="Type">{c.type === "BUSINESS" ? "Business" : "Individual"}</Row>
            {c.type === "BUSINESS" && (
              <Row label={c.identification_number.type}>
                <span className="font-mono">{c.identification_number.identification_number}</span>
              </Row>
            )}
            <Row label="Address">
              {addressLines(c.address).map((line) => (
                <span key={line} className="block">
                  {line}
                </span>
              ))}
            </Row>
            <Row label="Email">
              <span data-testid="company-email">{c.email}</span>
            </Row>
            <Row label="Phone">
              <span data-testid="company-phone">{c.phone_number}</span>
            </Row>
            <Row label="Account status">
              <Badge tone={STATUS_TONES[c.account_status]}>{STATUS_LABELS[c.account_status]}</Badge>
            </Row>
          </dl>
        )}
      </QueryView>
      {canManage && profile.data && (
        <Deferred when={editing}>
          <EditProfileDialog customer={profile.data} open={editing} onOpenChange={setEditing} />
        </Deferred>
      )}
    </Card>
  );
}
