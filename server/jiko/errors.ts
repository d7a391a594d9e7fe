import "server-only";
import type { ErrorCode } from "@/lib/errors";
import type { ValidationIssue } from "@/lib/jiko/common";

/**
 * Marks a JikoError whichever copy of this module made it. Next compiles a server module once
 * per layer (pages, route handlers), and state kept process-wide crosses layers: a token refresh
 * started by a page and joined by a route rejects with the page's JikoError, which the route's
 * class did not recognise (its guard answered 500 instead of sending the person to sign in).
 */
const JIKO_ERROR: unique symbol = Symbol.for("treasury-desk:jiko-error");

/** A failed Jiko call, mapped onto the dashboard's closed set of error codes. */
export class JikoError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && JIKO_ERROR in value;
  }
  readonly [JIKO_ERROR] = true;
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string | ValidationIssue[];
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;
  /**
   * Next keeps only an error's digest for the browser's error boundary: "jiko:<code>" (and a
   * rate limit's wait in seconds) lets a page say Jiko is not answering, never the detail.
   */
  readonly digest: string;

  constructor(
    code: ErrorCode,
    status: number,
    detail: string | ValidationIssue[],
    extra: { requestId?: string; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(typeof detail === "string" ? detail : detail.map((d) => d.msg).join("; "), {
      cause: extra.cause,
    });
    this.name = "JikoError";
    this.code = code;
    this.status = status;
    this.detail = detail;
    this.requestId = extra.requestId;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    const wait = code === "rate-limited" ? extra.retryAfterSeconds : undefined;
    this.digest = wait === undefined ? `jiko:${code}` : `jiko:${code}:${wait}`;
  }
}

export function codeForStatus(status: number): ErrorCode {
  if (status === 401) return "reauth-required";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate-limited";
  if (status >= 500) return "unavailable";
  return "invalid";
}

export const isJikoError = (e: unknown): e is JikoError => e instanceof JikoError;
