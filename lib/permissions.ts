/**
 * Who may do what: the person's Jiko role in the active team, narrowed by the scopes the token
 * carries, mapped to the dashboard's capabilities. Route guards and pages both read this, so what
 * the UI offers can never drift from what the server allows. Jiko stays the final authority.
 */
import "./zod-messages";
import { COUNTERPARTY_RULES } from "./jiko/counterparties";
import type { Role } from "./jiko/roles";
import type { Scope } from "./jiko/scopes";
import { TRANSFER_RULES } from "./jiko/transfers";

// Only what the dashboard ships: a capability here is checked by some page or route (a test
// holds that), so the role matrix and "Your access" never promise what does not exist yet
// Add a capability with the page that uses it.
export const CAPABILITIES = {
  "overview:view": { label: "See balances, yield and earnings", scope: "pockets.read" },
  "pockets:manage": { label: "Create, rename and close pockets", scope: "pockets.write" },
  "accounts:reveal": { label: "Reveal full account numbers", scope: "pockets.read" },
  // INFERRED: Jiko's consent groups transactions and trades with balances (lib/jiko/scopes.ts).
  "ledger:view": { label: "See transactions and trades", scope: "pockets.read" },
  "documents:view": {
    label: "Download statements, tax forms and reports",
    scope: "reports.read",
  },
  "reports:create": { label: "Request and download reports", scope: "reports.write" },
  "team:view": { label: "See team members", scope: "team.read" },
  "team:manage": { label: "Invite, change roles and deactivate members", scope: "team.write" },
  "audit:view": { label: "Read the audit log", scope: "team.read" },
  "transfers:view": { label: "See payees and transfer requests", scope: "transfers.read" },
  "payees:manage": { label: "Add and unlink payees", scope: "transfers.write" },
  "transfers:initiate": { label: "Request transfers", scope: "transfers.write" },
  "transfers:review": {
    label: "Approve or deny others' transfer requests",
    scope: "transfers.write",
  },
  "notifications:view": {
    label: "Read and clear their notifications",
    scope: "notifications.write",
  },
  "company:view": {
    label: "See the company's profile, owners, agreements and documents",
    scope: "customer.read",
  },
  // INFERRED: Jiko lets only admins change the company (sandbox README, lib/jiko/company.ts).
  "company:manage": {
    label: "Change the company's contact details, accept agreements and upload documents",
    scope: "customer.write",
  },
  "webhooks:manage": {
    label: "Manage webhook subscriptions and read delivered events",
    scope: "subscriptions.write",
  },
  // INFERRED: a business application is Jiko's onboarding; admins only, as it speaks for the company.
  "entities:open": {
    label: "Apply to open a new entity at Jiko",
    scope: "onboarding.write",
  },
} as const satisfies Record<string, { label: string; scope: Scope }>;

export type Capability = keyof typeof CAPABILITIES;

const EVERYONE: Capability[] = [
  "overview:view",
  "ledger:view",
  "documents:view",
  "team:view",
  "transfers:view",
  "notifications:view",
  "company:view",
];

/** Moving money follows Jiko's own rules for each role (lib/jiko/transfers.ts, counterparties.ts). */
const moneyMoving = (role: Role): Capability[] => [
  ...(COUNTERPARTY_RULES.managers.includes(role) ? (["payees:manage"] as const) : []),
  ...(TRANSFER_RULES.initiators.includes(role) ? (["transfers:initiate"] as const) : []),
  ...(TRANSFER_RULES.reviewers.includes(role) ? (["transfers:review"] as const) : []),
];

/** INFERRED with the roles themselves (lib/jiko/roles.ts): what each role may do. */
export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  ADMIN: [
    ...EVERYONE,
    "pockets:manage",
    "accounts:reveal",
    "reports:create",
    "team:manage",
    "audit:view",
    "webhooks:manage",
    "company:manage",
    "entities:open",
    ...moneyMoving("ADMIN"),
  ],
  REVIEWER: [
    ...EVERYONE,
    "accounts:reveal",
    "reports:create",
    "audit:view",
    ...moneyMoving("REVIEWER"),
  ],
  INITIATOR: [...EVERYONE, "accounts:reveal", "reports:create", ...moneyMoving("INITIATOR")],
  READ_ONLY: [...EVERYONE, ...moneyMoving("READ_ONLY")],
};

export function capabilitiesFor(role: Role, grantedScopes: readonly string[]): Set<Capability> {
  const granted = new Set(grantedScopes);
  return new Set(ROLE_CAPABILITIES[role].filter((c) => granted.has(CAPABILITIES[c].scope)));
}

export function can(capabilities: ReadonlySet<Capability>, capability: Capability): boolean {
  return capabilities.has(capability);
}
