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
  /** INFERRED: profile changes, document uploads and agreement consent (no agreements.write). */
  customerWrite: "customer.write",
  agreementsRead: "agreements.read",
  /** INFERRED: business applications (Jiko's onboarding scopes). */
  onboardingRead: "onboarding.read",
  onboardingWrite: "onboarding.write",
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
  /** "transfers.* covers transfers and transfer requests"; payees are part of moving money. */
  counterpartiesRead: "transfers.read",
  counterpartiesWrite: "transfers.write",
  transferRequestsRead: "transfers.read",
  transferRequestsWrite: "transfers.write",
  subscriptionsRead: "subscriptions.read",
  subscriptionsWrite: "subscriptions.write",
  /** INFERRED: events are what subscriptions deliver, so they are read with the same scope. */
  eventsRead: "subscriptions.read",
  notificationsRead: "notifications.read",
  notificationsWrite: "notifications.write",
} as const satisfies Record<string, Scope>;

/**
 * OpenID Connect's own scopes: `openid` for sign-in itself, `email` for the address Auth.js reads
 * from userinfo, `phone` for UserInfo's phone_number (the user endpoint needs `profile`).
 */
export const IDENTITY_SCOPES = [
  "openid",
  "profile",
  "email",
  "phone",
] as const satisfies readonly Scope[];

/**
 * What Treasury Desk asks for at sign-in: the identity scopes and what the endpoints it calls
 * need, nothing more (a feature adds its endpoints' scopes to ENDPOINT_SCOPES when it ships).
 */
export const DASHBOARD_SCOPES: readonly Scope[] = [
  ...new Set<Scope>([...IDENTITY_SCOPES, ...Object.values(ENDPOINT_SCOPES)]),
];
