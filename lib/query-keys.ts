/** React Query keys, shared by server prefetch and client hooks so hydration lines up. */
import type { AuditFilters } from "./audit-filters";
import type { EarningsParams } from "./pocket-schemas";

export const queryKeys = {
  viewer: () => ["viewer"] as const,
  customer: () => ["customer"] as const,
  team: () => ["team"] as const,
  auditLog: (filters: AuditFilters) => ["audit-log", filters] as const,
  pockets: () => ["pockets"] as const,
  pocket: (id: string) => ["pocket", id] as const,
  earnings: (id: string, params: EarningsParams) => ["pocket", id, "earnings", params] as const,
  portals: (id: string, revealed: boolean) => ["pocket", id, "portals", revealed] as const,
  strategies: () => ["trading-strategies"] as const,
  overview: () => ["overview"] as const,
  monthlyHistory: () => ["overview", "history"] as const,
  /** Keyed by the filters' search string: the same filters always share one cache entry. */
  transactions: (search: string) => ["transactions", search] as const,
  savedViews: (page: string) => ["saved-views", page] as const,
  trades: (search: string) => ["trades", search] as const,
  statements: (search: string) => ["statements", search] as const,
  reports: () => ["reports"] as const,
  /** Everything about moving money starts with "transfers", so one invalidation refreshes it all. */
  counterparties: () => ["transfers", "counterparties"] as const,
  /** Every payee, unlinked ones too, as a list of requests names them. */
  allCounterparties: () => ["transfers", "counterparties", "all"] as const,
  /** The payees money may go to (PAYABLE_STATUSES). */
  payablePayees: () => ["transfers", "counterparties", "payable"] as const,
  available: () => ["transfers", "available"] as const,
  transferRequests: (view: string) => ["transfers", "requests", view] as const,
  /** The queue's first `first` requests: "Show more" asks for a longer head of the same queue. */
  reviewQueue: (first: number) => ["transfers", "queue", first] as const,
  awaitingCount: () => ["transfers", "awaiting-count"] as const,
  transferReviewers: () => ["transfers", "reviewers"] as const,
  /** The bell: every notification query starts with "notifications". */
  notifications: () => ["notifications"] as const,
  notificationList: (status: string) => ["notifications", "list", status] as const,
  webhookSubscriptions: () => ["webhooks", "subscriptions"] as const,
  webhookEvents: (subscriptionId: string) => ["webhooks", "events", subscriptionId] as const,
  liveStatus: () => ["webhooks", "live-status"] as const,
  /** The company page: its profile is `customer()`; the rest starts with "company". */
  companyOwners: () => ["company", "owners"] as const,
  companyAgreements: () => ["company", "agreements"] as const,
  companyDocuments: () => ["company", "documents"] as const,
  /** The person's own business applications (a new entity), and the agreements they consent to. */
  applications: () => ["applications"] as const,
  application: (id: string) => ["applications", "one", id] as const,
  applicationAgreement: () => ["applications", "agreement"] as const,
};
