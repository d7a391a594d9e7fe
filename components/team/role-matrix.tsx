import { Check, Minus } from "lucide-react";
import { Card } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ROLE_LABELS, ROLES } from "@/lib/jiko/roles";
import { CAPABILITIES, type Capability, ROLE_CAPABILITIES } from "@/lib/permissions";

/** What each role may do: read from the same table the server's guards enforce. */
export function RoleMatrix() {
  const capabilities = Object.keys(CAPABILITIES) as Capability[];
  return (
    <Card title="What each role may do">
      <ScrollRegion label="Role capabilities table">
        <table className="w-full text-sm">
          <caption className="sr-only">Capabilities of each team role</caption>
          <thead>
            <tr className="border-b border-ink-200 text-left dark:border-ink-700">
              <th scope="col" className="py-2 pr-4 font-medium">
                Capability
              </th>
              {ROLES.map((r) => (
                <th key={r} scope="col" className="px-3 py-2 text-center font-medium">
                  {ROLE_LABELS[r]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {capabilities.map((c) => (
              <tr key={c} className="border-b border-ink-100 last:border-0 dark:border-ink-800">
                <th scope="row" className="py-2 pr-4 text-left font-normal">
                  {CAPABILITIES[c].label}
                </th>
                {ROLES.map((r) =>
                  ROLE_CAPABILITIES[r].includes(c) ? (
                    <td key={r} className="px-3 py-2 text-center">
                      <Check
                        aria-label="Allowed"
                        className="mx-auto size-4 text-brand-600 dark:text-brand-400"
                      />
                    </td>
                  ) : (
                    <td key={r} className="px-3 py-2 text-center">
                      <Minus aria-label="Not allowed" className="mx-auto size-4 text-ink-400" />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Card>
  );
}
