import { CheckCircle2 } from "lucide-react";
import { Card } from "@/components/ui/card";
import { ROLE_LABELS, type Role } from "@/lib/jiko/roles";
import { CAPABILITIES, type Capability } from "@/lib/permissions";

/** What this person may do here, read from the same table the server enforces. */
export function AccessCard({
  role,
  teamName,
  capabilities,
}: {
  role: Role;
  teamName: string;
  capabilities: Capability[];
}) {
  return (
    <Card title="Your access">
      <p className="text-sm">
        <span className="font-semibold" data-testid="access-role">
          {ROLE_LABELS[role]}
        </span>{" "}
        in {teamName}
      </p>
      <ul className="mt-3 space-y-1.5 text-sm">
        {capabilities.map((c) => (
          <li key={c} className="flex items-center gap-2">
            <CheckCircle2
              aria-hidden="true"
              className="size-4 text-brand-600 dark:text-brand-400"
            />
            {CAPABILITIES[c].label}
          </li>
        ))}
      </ul>
    </Card>
  );
}
