"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ApplicationForm, Step } from "@/lib/application-form";

const line = (a: ApplicationForm["address"]) =>
  [a.street_address, a.street_address2, `${a.city}, ${a.state.toUpperCase()} ${a.postal_code}`]
    .filter(Boolean)
    .join(", ");

function Section({
  title,
  step,
  onEdit,
  children,
}: {
  title: string;
  step: Step;
  onEdit: (s: Step) => void;
  children: ReactNode;
}) {
  return (
    <div className="border-t border-ink-200 pt-4 first:border-0 first:pt-0 dark:border-ink-700">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">{title}</h3>
        <Button variant="ghost" onClick={() => onEdit(step)} aria-label={`Edit ${title}`}>
          Edit
        </Button>
      </div>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">{children}</dl>
    </div>
  );
}

const Row = ({ term, value }: { term: string; value: ReactNode }) => (
  <>
    <dt className="text-ink-600 dark:text-ink-300">{term}</dt>
    <dd className="break-words">{value}</dd>
  </>
);

/** Everything the application says, restated before it goes to Jiko. */
export function ReviewStep({ form, onEdit }: { form: ApplicationForm; onEdit: (s: Step) => void }) {
  return (
    <div className="space-y-4">
      <Section title="Entity details" step="entity" onEdit={onEdit}>
        <Row term="Legal name" value={form.entity.business_name} />
        <Row term="EIN" value={form.entity.ein} />
        <Row term="Email" value={form.entity.email} />
        <Row term="Phone" value={form.entity.phone_number} />
      </Section>
      <Section title="Address" step="address" onEdit={onEdit}>
        <Row term="Address" value={line(form.address)} />
      </Section>
      <Section title="Beneficial owners" step="owners" onEdit={onEdit}>
        {form.owners.map((o, i) => (
          <Row
            // biome-ignore lint/suspicious/noArrayIndexKey: owners have no id before Jiko saves them
            key={i}
            term={`${o.first_name} ${o.last_name}`}
            value={[
              `Born ${o.date_of_birth}`,
              `SSN ending ${(o.ssn.replace(/\D/g, "") || o.ssn_last4).slice(-4)}`,
              [
                o.control_person && "control person",
                o.authorized_representative && "authorized representative",
              ]
                .filter(Boolean)
                .join(", "),
              o.ownership_percentage && `${o.ownership_percentage}% owner`,
              line(o),
            ]
              .filter(Boolean)
              .join(" · ")}
          />
        ))}
      </Section>
      <Section title="Agreements" step="agreement" onEdit={onEdit}>
        <Row
          term="Consent"
          value={`Version ${form.consent.version}, given ${new Date(form.consent.timestamp).toLocaleString("en-US")}`}
        />
      </Section>
    </div>
  );
}
