// No zod here: the webhooks page draws these at first load (lib/jiko/events.ts holds the schemas
// and the contract's notes, INFERRED parts included).
import type { RetryPolicy } from "./events";

export const EVENT_TYPES = [
  // Published (Customer API webhooks guide).
  "transfers.wire.out.processing",
  "transfers.wire.out.success",
  "transfers.wire.out.rejected",
  "transfers.wire.in.success",
  "transfers.wire.in.rejected",
  "transfers.on-us.processing",
  "transfers.on-us.success",
  "transfers.on-us.rejected",
  "transfers.on-us.received",
  // INFERRED: Jiko's table stops at transfers; these follow its dotted, plural style.
  "transfer_requests.created",
  "transfer_requests.approved",
  "transfer_requests.denied",
  "transfer_requests.canceled",
  "transfer_requests.expired",
  "transactions.status_changed",
  "counterparties.verified",
  "team.members.invited",
  "team.members.updated",
  "reports.ready",
  /** What "send test event" delivers. */
  "webhooks.test",
] as const;

/** INFERRED: what applies when a subscription has no retry policy. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retry_on_status_codes: [408, 425, 429, 500, 502, 503, 504],
  backoff_coefficient: 2,
  maximum_attempts: 5,
  initial_interval_seconds: 30,
  maximum_interval_seconds: 300,
};

/**
 * Seconds to wait before attempt `n + 1` after attempt `n` (1-based) failed: the initial
 * interval, multiplied by the coefficient each time, capped at the maximum interval.
 */
export function retryDelaySeconds(policy: RetryPolicy, attempt: number): number {
  const raw = policy.initial_interval_seconds * policy.backoff_coefficient ** (attempt - 1);
  return Math.min(raw, policy.maximum_interval_seconds);
}

/** Whether a failed attempt is tried again: a listed status (0 = no answer) and attempts left. */
export function shouldRetry(policy: RetryPolicy, attempt: number, responseCode: number): boolean {
  if (attempt >= policy.maximum_attempts) return false;
  return responseCode === 0 || policy.retry_on_status_codes.includes(responseCode);
}
