"use client";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatPhone } from "@/lib/format";
import { customerDisplayName } from "@/lib/jiko/customer-name";
import { ACCOUNT_STATUS_LABELS, IDENTIFICATION_TYPE_LABELS, labelFor } from "@/lib/labels";
import { useCustomer } from "./hooks";

/** Identification numbers are shown by their last four digits only. */
const lastFour = (id: string) => `•••• ${id.replace(/\W/g, "").slice(-4)}`;

export function CompanyCard() {
  const { data: customer, error, refetch, isPending } = useCustomer();
  if (isPending) return <Skeleton className="h-56" />;
  if (error)
    return (
      <ErrorState
        title="Company details unavailable"
        message={error.message}
        onRetry={() => refetch()}
      />
    );
  const a = customer.address;
  return (
    <Card
      title="Company"
      action={
        <Badge tone={customer.account_status === "OPEN" ? "brand" : "warning"}>
          {labelFor(ACCOUNT_STATUS_LABELS, customer.account_status)}
        </Badge>
      }
    >
      <p className="text-lg font-semibold" data-testid="customer-name">
        {customerDisplayName(customer)}
      </p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        <dt className="text-ink-500 dark:text-ink-400">Type</dt>
        <dd>{customer.type === "BUSINESS" ? "Business" : "Individual"}</dd>
        {customer.type === "BUSINESS" && (
          <>
            <dt className="text-ink-500 dark:text-ink-400">
              {IDENTIFICATION_TYPE_LABELS[customer.identification_number.type]}
            </dt>
            <dd className="font-mono">
              {lastFour(customer.identification_number.identification_number)}
            </dd>
          </>
        )}
        <dt className="text-ink-500 dark:text-ink-400">Address</dt>
        <dd>
          {a.street_address}
          {a.street_address2 ? `, ${a.street_address2}` : ""}, {a.city}, {a.state} {a.postal_code},{" "}
          {a.country}
        </dd>
        <dt className="text-ink-500 dark:text-ink-400">Email</dt>
        <dd>{customer.email}</dd>
        <dt className="text-ink-500 dark:text-ink-400">Phone</dt>
        <dd>{formatPhone(customer.phone_number)}</dd>
      </dl>
    </Card>
  );
}
