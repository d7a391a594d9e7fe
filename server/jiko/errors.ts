import "server-only";
import type { ErrorCode } from "@/lib/errors";
import type { ValidationIssue } from "@/lib/jiko/common";

/** A failed Jiko call, mapped onto the dashboard's closed set of error codes. */
export class JikoError extends Error {
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
