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
