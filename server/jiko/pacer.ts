import "server-only";
import {
  RATE_LIMIT_GROUPS,
  RATE_LIMIT_WINDOW_SECONDS,
  type RateLimitGroup,
} from "@/lib/jiko/rate-limits";

/**
 * Keeps the dashboard's calls under Jiko's per-minute limits, per person and group. Every call is
 * recorded; work that can wait (the earnings history) reserves only what is left of a share of
 * the limit, so it fills over several requests and the pages a person clicks keep the rest.
 * Counts this process's calls only: several instances share the limit at Jiko, which then
 * answers 429 (retried after Retry-After).
 */
const BACKGROUND_SHARE = 0.6;
const sent = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
  const windowStart = now - RATE_LIMIT_WINDOW_SECONDS * 1000;
  const kept = (sent.get(key) ?? []).filter((t) => t > windowStart);
  sent.set(key, kept);
  return kept;
}

export function record(userId: string, group: RateLimitGroup, now = Date.now()): void {
  recent(`${userId}:${group}`, now).push(now);
}

/** Grants up to `wanted` calls for background work, and records them. */
export function reserve(
  userId: string,
  group: RateLimitGroup,
  wanted: number,
  now = Date.now(),
): number {
  const calls = recent(`${userId}:${group}`, now);
  const granted = Math.max(
    0,
    Math.min(wanted, Math.floor(RATE_LIMIT_GROUPS[group] * BACKGROUND_SHARE) - calls.length),
  );
  for (let i = 0; i < granted; i++) calls.push(now);
  return granted;
}
