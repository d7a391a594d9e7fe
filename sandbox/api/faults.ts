/**
 * Faults on demand for resilience tests: the next N Customer API requests answer with an error
 * status, and/or every request waits `latency_ms`. `/_sandbox/*` routes are never faulted.
 */
import { z } from "zod";

export const FaultBody = z
  .object({
    status: z
      .union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)])
      .optional(),
    count: z.number().int().min(1).max(100_000).default(1),
    retry_after: z.number().int().min(0).max(3600).optional(),
    latency_ms: z.number().int().min(0).max(60_000).optional(),
  })
  .strict()
  .refine((b) => b.status !== undefined || b.latency_ms !== undefined, {
    message: "Give a status, a latency_ms, or both",
  });

export interface FaultView {
  status: number | null;
  remaining: number;
  retry_after: number | null;
  latency_ms: number;
}

export class Faults {
  private status: number | null = null;
  private remaining = 0;
  private retryAfter: number | null = null;
  latencyMs = 0;

  set(body: z.infer<typeof FaultBody>): FaultView {
    if (body.status !== undefined) {
      this.status = body.status;
      this.remaining = body.count;
      this.retryAfter = body.retry_after ?? (body.status === 429 || body.status === 503 ? 1 : null);
    }
    if (body.latency_ms !== undefined) this.latencyMs = body.latency_ms;
    return this.view();
  }

  clear(): FaultView {
    this.status = null;
    this.remaining = 0;
    this.retryAfter = null;
    this.latencyMs = 0;
    return this.view();
  }

  /** Takes one queued fault, if any. */
  take(): { status: number; retryAfter: number | null } | undefined {
    if (this.status === null || this.remaining <= 0) return undefined;
    const fault = { status: this.status, retryAfter: this.retryAfter };
    this.remaining -= 1;
    if (this.remaining === 0) {
      this.status = null;
      this.retryAfter = null;
    }
    return fault;
  }

  view(): FaultView {
    return {
      status: this.status,
      remaining: this.remaining,
      retry_after: this.retryAfter,
      latency_ms: this.latencyMs,
    };
  }
}

/** `Prefer: code=503` (RFC 7240 style, as Prism and other mock servers read it): 4xx/5xx only. */
export function preferredStatus(prefer: string | undefined): number | undefined {
  const m = prefer?.match(/(?:^|[,;\s])code=(\d{3})(?:$|[,;\s])/i);
  const status = m ? Number(m[1]) : undefined;
  return status !== undefined && status >= 400 && status <= 599 ? status : undefined;
}
