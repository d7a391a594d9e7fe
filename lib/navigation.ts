/** The dashboard's sections. Only sections that work are listed; each needs one capability. */
import type { Capability } from "./permissions";

export interface Section {
  href: string;
  label: string;
  capability: Capability;
}

export const SECTIONS: readonly Section[] = [
  { href: "/", label: "Overview", capability: "overview:view" },
  { href: "/pockets", label: "Pockets", capability: "overview:view" },
  { href: "/transfers", label: "Transfers", capability: "transfers:view" },
  { href: "/approvals", label: "Approvals", capability: "transfers:review" },
  { href: "/payees", label: "Payees", capability: "transfers:view" },
  { href: "/transactions", label: "Transactions", capability: "ledger:view" },
  { href: "/trades", label: "Trades", capability: "ledger:view" },
  { href: "/statements", label: "Statements", capability: "documents:view" },
  { href: "/reports", label: "Reports", capability: "documents:view" },
  { href: "/team", label: "Team", capability: "team:view" },
  { href: "/company", label: "Company", capability: "company:view" },
  { href: "/audit", label: "Audit log", capability: "audit:view" },
  { href: "/settings/webhooks", label: "Settings", capability: "webhooks:manage" },
];

export function sectionsFor(capabilities: readonly Capability[]): Section[] {
  const allowed = new Set(capabilities);
  return SECTIONS.filter((s) => allowed.has(s.capability));
}
