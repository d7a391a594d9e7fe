/**
 * Jiko's per-minute rate limits: fixed 60-second windows (aligned to the clock minute) counted in
 * memory per key (client_id + user on the Customer API, client IP on the portal). Enough for one
 * sandbox process; counts reset on restart.
 */
import {
  RATE_LIMIT_GROUPS,
  RATE_LIMIT_HEADERS,
  RATE_LIMIT_WINDOW_SECONDS,
  type RateLimitGroup,
} from "../../lib/jiko/rate-limits";

export type RateLimitOverrides = Partial<Record<RateLimitGroup, number>>;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds when the window ends. */
  reset: number;
  /** Seconds until the window ends (Retry-After when refused). */
  retryAfter: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly overrides: RateLimitOverrides = {}) {}

  limitFor(group: RateLimitGroup): number {
    return this.overrides[group] ?? RATE_LIMIT_GROUPS[group];
  }

  /** Counts one request of `key` in `group`. */
  hit(group: RateLimitGroup, key: string, nowMs = Date.now()): RateDecision {
    const limit = this.limitFor(group);
    const now = Math.floor(nowMs / 1000);
    const start = now - (now % RATE_LIMIT_WINDOW_SECONDS);
    const id = `${group}|${key}`;
    let w = this.windows.get(id);
    if (!w || w.start !== start) {
      if (this.windows.size > 10_000) this.sweep(start);
      w = { start, count: 0 };
      this.windows.set(id, w);
    }
    w.count += 1;
    return this.decision(limit, w.count, start, now);
  }

  /** The current state without counting (for faulted 429s, which still carry the headers). */
  peek(group: RateLimitGroup, key: string, nowMs = Date.now()): RateDecision {
    const limit = this.limitFor(group);
    const now = Math.floor(nowMs / 1000);
    const start = now - (now % RATE_LIMIT_WINDOW_SECONDS);
    const w = this.windows.get(`${group}|${key}`);
    return this.decision(limit, w && w.start === start ? w.count : 0, start, now);
  }

  private decision(limit: number, count: number, start: number, now: number): RateDecision {
    const reset = start + RATE_LIMIT_WINDOW_SECONDS;
    return {
      allowed: count <= limit,
      limit,
      remaining: Math.max(0, limit - count),
      reset,
      retryAfter: Math.max(1, reset - now),
    };
  }

  private sweep(currentStart: number) {
    for (const [id, w] of this.windows) if (w.start !== currentStart) this.windows.delete(id);
  }
}

export function rateLimitHeaders(d: RateDecision): Record<string, string> {
  return {
    [RATE_LIMIT_HEADERS.limit]: String(d.limit),
    [RATE_LIMIT_HEADERS.remaining]: String(d.remaining),
    [RATE_LIMIT_HEADERS.reset]: String(d.reset),
  };
}
