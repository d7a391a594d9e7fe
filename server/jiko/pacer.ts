import "server-only";
import {
  RATE_LIMIT_GROUPS,
  RATE_LIMIT_WINDOW_SECONDS,
  type RateLimitGroup,
} from "@/lib/jiko/rate-limits";
import { processWide } from "../process-wide";

/**
 * Keeps the dashboard's calls under Jiko's per-minute limits, per person and group. Every call is
 * recorded; work that can wait (the earnings history) reserves only what is left of a share of
 * the limit, so it fills over several requests and the pages a person clicks keep the rest.
 * Counts this process's calls only: several instances share the limit at Jiko, which then
 * answers 429 (retried after Retry-After).
 */
const BACKGROUND_SHARE = 0.6;
const sent = processWide("pacer:sent", () => new Map<string, number[]>());
/**
 * Reserved calls not made yet: each is already counted, so its call is not counted twice. A
 * reservation never used lapses with the window.
 */
const outstanding = processWide("pacer:outstanding", () => new Map<string, number[]>());

function recent(map: Map<string, number[]>, key: string, now: number): number[] {
  const windowStart = now - RATE_LIMIT_WINDOW_SECONDS * 1000;
  const kept = (map.get(key) ?? []).filter((t) => t > windowStart);
  map.set(key, kept);
  return kept;
}

/** Counts one call (every call the client makes comes through here). */
export function record(userId: string, group: RateLimitGroup, now = Date.now()): void {
  const key = `${userId}:${group}`;
  const reserved = recent(outstanding, key, now);
  if (reserved.length) reserved.shift();
  else recent(sent, key, now).push(now);
}

/**
 * Grants up to `wanted` calls for background work and counts them at once, so two requests
 * reserving together cannot both take the same room. The caller makes at most that many calls.
 */
export function reserve(
  userId: string,
  group: RateLimitGroup,
  wanted: number,
  now = Date.now(),
): number {
  const key = `${userId}:${group}`;
  const calls = recent(sent, key, now);
  const granted = Math.max(
    0,
    Math.min(wanted, Math.floor(RATE_LIMIT_GROUPS[group] * BACKGROUND_SHARE) - calls.length),
  );
  const reserved = recent(outstanding, key, now);
  for (let i = 0; i < granted; i++) {
    calls.push(now);
    reserved.push(now);
  }
  return granted;
}
