/** Jiko's per-minute rate limits, per OAuth client + user (auth endpoints: per client IP). */

export const RATE_LIMIT_GROUPS = {
  authentication: 300,
  agreements: 300,
  counterparties: 300,
  customer: 300,
  notifications: 300,
  portals: 300,
  reports: 300,
  subscriptions: 300,
  team: 300,
  "trading-strategies": 300,
  user: 300,
  pockets: 120,
  trades: 120,
  transactions: 120,
  "transfer-requests": 120,
  "transfer-requests-create": 60,
} as const;
export type RateLimitGroup = keyof typeof RATE_LIMIT_GROUPS;

export const RATE_LIMIT_WINDOW_SECONDS = 60;

export const RATE_LIMIT_HEADERS = {
  limit: "X-RateLimit-Limit",
  remaining: "X-RateLimit-Remaining",
  reset: "X-RateLimit-Reset",
} as const;

/**
 * The rate-limit group of a Customer API call. Jiko names the groups but not which paths fall in
 * each: INFERRED from the resource in the path.
 */
export function rateLimitGroupFor(method: string, path: string): RateLimitGroup {
  const p = path.replace(/^\/api\/v\d+\//, "");
  if (p.startsWith("transfer-requests"))
    return method === "POST" && p === "transfer-requests/"
      ? "transfer-requests-create"
      : "transfer-requests";
  if (p.startsWith("accounts/") && p.includes("/trades/")) return "trades";
  if (p.startsWith("accounts/") && p.endsWith("/portals/")) return "portals";
  const resource = p.split(/[/.]/)[0] ?? "";
  const byResource: Record<string, RateLimitGroup> = {
    pockets: "pockets",
    trades: "trades",
    transactions: "transactions",
    portals: "portals",
    "trading-strategies": "trading-strategies",
    team: "team",
    user: "user",
    customer: "customer",
    notifications: "notifications",
    "report-requests": "reports",
    reports: "reports",
    statements: "reports",
    subscriptions: "subscriptions",
    events: "subscriptions",
    counterparties: "counterparties",
    agreements: "agreements",
  };
  return byResource[resource] ?? "customer";
}
