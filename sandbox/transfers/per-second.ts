/**
 * Jiko's second limit on creating transfer requests: at most one a second per client + user,
 * beside the per-minute group limit (http/rate-limit.ts). Every create attempt counts; a refused
 * one answers 429 with `Retry-After` (whole seconds, at least 1).
 */
export class PerSecondLimiter {
  private readonly last = new Map<string, number>();

  constructor(private readonly intervalMs = 1_000) {}

  /** null when allowed (and counted), else the seconds to wait. */
  hit(key: string, nowMs = Date.now()): number | null {
    const previous = this.last.get(key);
    if (previous !== undefined && nowMs - previous < this.intervalMs) {
      return Math.max(1, Math.ceil((previous + this.intervalMs - nowMs) / 1_000));
    }
    if (this.last.size > 10_000) {
      for (const [k, at] of this.last) if (nowMs - at >= this.intervalMs) this.last.delete(k);
    }
    this.last.set(key, nowMs);
    return null;
  }
}

/** One per process, like the per-minute limiter's windows (keys carry the client id). */
export const transferCreateLimiter = new PerSecondLimiter();
