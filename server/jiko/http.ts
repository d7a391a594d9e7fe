import "server-only";
import type { z } from "zod";
import { ErrorBody } from "@/lib/jiko/common";
import { codeForStatus, JikoError } from "./errors";
import { type Answer, nodeGet } from "./node-get";

export interface HttpOptions {
  baseUrl: string;
  /** The most one attempt waits for Jiko's answer (JIKO_TIMEOUT_MS). */
  timeoutMs: number;
  /**
   * The most one call takes, every attempt and wait together (default 8 s): a page waiting on
   * Jiko gives its answer, or says Jiko is not answering, in a time a person still waits.
   */
  budgetMs?: number;
  /** Retries after the first attempt, for idempotent calls only. */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the call fails as rate-limited. */
  maxRetryAfterMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  onRetry?: (info: { attempt: number; status: number | "network"; delayMs: number }) => void;
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface JikoRequest {
  method: Method;
  path: string;
  query?: Record<string, string | number | readonly string[] | undefined>;
  body?: unknown;
  /** A file sent as it is (uploads), with its own content-type in `headers`; `body` is unused. */
  rawBody?: Uint8Array;
  accessToken: string;
  /** Defaults to true for GET, PUT and DELETE: only those are retried. */
  idempotent?: boolean;
  headers?: Record<string, string>;
  /** "manual": a 3xx comes back as the answer (its Location is the caller's), never followed. */
  redirect?: "manual";
}

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const DEFAULT_BUDGET_MS = 8_000;
/** A retry with less time left than this could not get an answer: the call fails at once. */
const MIN_ATTEMPT_MS = 500;
const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function buildUrl(baseUrl: string, path: string, query: JikoRequest["query"]): string {
  const url = new URL(path, `${baseUrl}/`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, v);
    else url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

async function toJikoError(res: Answer): Promise<JikoError> {
  const requestId = res.headers.get("x-request-id") ?? undefined;
  const retryAfterSeconds = parseRetryAfter(res.headers.get("retry-after"));
  let detail: JikoError["detail"] = res.statusText || `HTTP ${res.status}`;
  try {
    const parsed = ErrorBody.safeParse(await res.json());
    if (parsed.success) detail = parsed.data.detail;
  } catch {
    // Not JSON (a proxy's error page, say): keep the status text.
  }
  return new JikoError(codeForStatus(res.status), res.status, detail, {
    requestId,
    retryAfterSeconds,
  });
}

/**
 * One call to Jiko's Customer API, answered as the raw Response (bodies such as CSV stream on
 * through the caller). The call has a time budget for all its attempts and waits together, and
 * each attempt a timeout within it. Idempotent calls are retried on 429, 5xx and network failures
 * with exponential backoff and full jitter, waiting what Retry-After asks when Jiko says and the
 * wait fits the budget; after a timeout at most once more, since a Jiko that did not answer in
 * time rarely answers the next attempt sooner. A failure becomes a JikoError.
 */
export function jikoFetch(opts: HttpOptions, req: JikoRequest): Promise<Response> {
  return attempts(opts, req, opts.fetch ?? fetch);
}

/** One attempt: what fetch does, or less (./node-get.ts). */
type Send<A extends Answer> = (
  url: string,
  init: RequestInit & { headers: Record<string, string>; signal: AbortSignal },
) => Promise<A>;

/** jikoFetch's attempts, budget and retries, each attempt made by `send`. */
async function attempts<A extends Answer>(
  opts: HttpOptions,
  req: JikoRequest,
  send: Send<A>,
): Promise<A> {
  const {
    budgetMs = DEFAULT_BUDGET_MS,
    maxRetries = 3,
    baseDelayMs = 250,
    maxDelayMs = 4_000,
    maxRetryAfterMs = 10_000,
    sleep = defaultSleep,
    now = Date.now,
    random = Math.random,
  } = opts;
  const idempotent = req.idempotent ?? ["GET", "PUT", "DELETE"].includes(req.method);
  const url = buildUrl(opts.baseUrl, req.path, req.query);
  const deadline = now() + budgetMs;
  let lastAttempt = maxRetries;

  for (let attempt = 0; ; attempt++) {
    let res: A | undefined;
    let failure: JikoError;
    // Through fetch, the timeout bounds the wait for the answer's headers only: a streamed body
    // (a CSV export of a million rows) may take minutes, and aborting the signal later would cut
    // it off. A read through nodeGet returns once its whole (small) answer is in: it is bounded.
    const headers = new AbortController();
    const timer = setTimeout(
      () => headers.abort(new DOMException("Jiko did not answer in time", "TimeoutError")),
      Math.max(1, Math.min(opts.timeoutMs, deadline - now())),
    );
    try {
      res = await send(url, {
        method: req.method,
        headers: {
          accept: "application/json",
          authorization: `Bearer ${req.accessToken}`,
          ...(req.body === undefined ? {} : { "content-type": "application/json" }),
          ...req.headers,
        },
        body: req.rawBody
          ? (req.rawBody as BodyInit)
          : req.body === undefined
            ? undefined
            : JSON.stringify(req.body),
        signal: headers.signal,
        cache: "no-store",
        redirect: req.redirect ?? "follow",
      });
    } catch (cause) {
      const timedOut = cause instanceof DOMException && cause.name === "TimeoutError";
      if (timedOut) lastAttempt = Math.min(lastAttempt, attempt + 1);
      failure = new JikoError(
        "unavailable",
        0,
        timedOut ? "Jiko did not answer in time" : "Could not reach Jiko",
        { cause },
      );
    } finally {
      clearTimeout(timer);
    }
    if (res?.ok) return res;
    if (res && req.redirect === "manual" && res.status >= 300 && res.status < 400) return res;
    if (res) failure = await toJikoError(res);
    const retryable = idempotent && (res ? RETRYABLE.has(res.status) : true);
    if (!retryable || attempt >= lastAttempt) throw failure!;

    const asked = failure!.retryAfterSeconds;
    const delayMs =
      asked !== undefined
        ? asked * 1000
        : Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt));
    if (asked !== undefined && delayMs > maxRetryAfterMs) throw failure!;
    // A wait that leaves no time for the next attempt only delays the same answer.
    if (delayMs + MIN_ATTEMPT_MS > deadline - now()) throw failure!;
    opts.onRetry?.({ attempt: attempt + 1, status: res ? res.status : "network", delayMs });
    await sleep(delayMs);
  }
}

/** A JSON call, its answer parsed with the contract's zod schema (null: no body expected). */
export async function jikoRequest<S extends z.ZodType>(
  opts: HttpOptions,
  req: JikoRequest,
  schema: S | null,
): Promise<z.infer<S>> {
  // A plain read goes over Node's HTTP client; a test's own fetch stands in for every call.
  const plainRead = req.method === "GET" && !req.rawBody && !req.redirect;
  const res = await attempts(opts, req, opts.fetch ?? (plainRead ? nodeGet : fetch));
  if (schema === null || res.status === 204) return undefined as z.infer<S>;
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) {
    throw new JikoError(
      "unavailable",
      res.status,
      `Jiko answered ${req.method} ${req.path} in an unexpected shape`,
      { requestId: res.headers.get("x-request-id") ?? undefined, cause: parsed.error },
    );
  }
  return parsed.data;
}
