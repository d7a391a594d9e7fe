/** OAuth scopes: the published list, and which ones each endpoint needs. */

export const SCOPES = [
  "openid",
  "profile",
  "email",
  "phone",
  "pockets.read",
  "pockets.write",
  "transfers.read",
  "transfers.write",
  "customer.read",
  "customer.write",
  "team.read",
  "team.write",
  "onboarding.read",
  "onboarding.write",
  "agreements.read",
  "subscriptions.write",
  "subscriptions.read",
  "notifications.read",
  "notifications.write",
  "reports.read",
  "reports.write",
  "approval_rules.read",
  "approval_rules.write",
  "authorization_requests.read",
  "authorization_requests.write",
] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * INFERRED: the scope each endpoint requires. Jiko documents what each scope grants but not the
 * per-endpoint mapping; `profile` reads "info for the current logged-in user", so the user
 * endpoints need it.
 */
export const ENDPOINT_SCOPES = {
  user: "profile",
  customer: "customer.read",
  teamRead: "team.read",
  teamWrite: "team.write",
  pocketsRead: "pockets.read",
  pocketsWrite: "pockets.write",
  /** The consent text groups transactions and trades with balances: read like pockets. */
  transactionsRead: "pockets.read",
  /** Statements and tax forms: Jiko groups them with reports (rate-limit group "reports"). */
  statementsRead: "reports.read",
  reportsRead: "reports.read",
  reportsWrite: "reports.write",
} as const satisfies Record<string, Scope>;

/** What Treasury Desk asks for at sign-in: everything the dashboard's sections use. */
export const DASHBOARD_SCOPES: readonly Scope[] = [
  "openid",
  "profile",
  "email",
  "phone",
  "customer.read",
  "team.read",
  "team.write",
  "pockets.read",
  "pockets.write",
  "transfers.read",
  "transfers.write",
  "reports.read",
  "reports.write",
  "subscriptions.read",
  "subscriptions.write",
  "notifications.read",
];
