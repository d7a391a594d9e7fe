/** One QueryClient factory for server prefetch and the browser. */
import {
  isServer,
  MutationCache,
  type Query,
  QueryCache,
  QueryClient,
} from "@tanstack/react-query";
import { ApiClientError } from "./api-error";
import type { ErrorCode } from "./errors";

const isAuthError = (e: unknown) => e instanceof ApiClientError && e.code === "reauth-required";

/** What retrying cannot fix: an ended session, a refusal, something absent, a wrong request. */
const FINAL: readonly ErrorCode[] = ["reauth-required", "forbidden", "not-found", "invalid"];

/** Jiko not answering, or asking the dashboard to slow down: both end by themselves. */
export const isOutage = (e: unknown): e is ApiClientError =>
  e instanceof ApiClientError && (e.code === "unavailable" || e.code === "rate-limited");

const FIRST_WAIT_MS = 2_000;
const LONGEST_WAIT_MS = 30_000;
/** A Retry-After beyond this is Jiko's business; the page checks again by then anyway. */
const LONGEST_RETRY_AFTER_MS = 5 * 60_000;

/**
 * The wait before the next try while Jiko is away, for the n-th failure in a row (1-based):
 * 2, 4, 8, 16, then every 30 s; never sooner than a Retry-After Jiko gave. Pages and the shell
 * share it, so a Jiko outage is not met with a burst of calls from every open tab.
 */
export function outageRetryDelayMs(failures: number, retryAfterSeconds?: number): number {
  const backoff = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.max(0, failures - 1));
  if (retryAfterSeconds === undefined) return backoff;
  return Math.max(backoff, Math.min(LONGEST_RETRY_AFTER_MS, retryAfterSeconds * 1000));
}

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiClientError && FINAL.includes(error.code)) return false;
  // Asking again at once only prolongs a rate limit: the refetch below waits instead.
  if (error instanceof ApiClientError && error.code === "rate-limited") return false;
  return failureCount < 2;
}

/** errorUpdateCount when each query last had an answer: failures since then are a streak. */
const failuresBeforeLastAnswer = new WeakMap<object, number>();

/**
 * While a query has failed because Jiko is away, it asks again by itself with backoff, so a
 * section comes back when Jiko does without the person reloading. Refusals are never refetched.
 */
export function refetchWhileAway(query: Query): number | false {
  if (query.state.status !== "error" || !isOutage(query.state.error)) return false;
  const streak = query.state.errorUpdateCount - (failuresBeforeLastAnswer.get(query) ?? 0);
  return outageRetryDelayMs(streak);
}

export function makeQueryClient(onAuthError?: () => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => isAuthError(error) && onAuthError?.(),
      onSuccess: (_data, query) =>
        void failuresBeforeLastAnswer.set(query, query.state.errorUpdateCount),
    }),
    // A change met by an ended session goes to sign-in as a read does: signing in again is the
    // only way on, and the form's draft (where it keeps one) comes back with the page.
    mutationCache: new MutationCache({ onError: (error) => isAuthError(error) && onAuthError?.() }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
        refetchInterval: refetchWhileAway,
        // Also when the tab comes back into view or the network returns (React Query's default).
        refetchOnWindowFocus: true,
        refetchOnReconnect: true,
      },
    },
  });
}

let browserClient: QueryClient | undefined;

export function getQueryClient(onAuthError?: () => void): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient(onAuthError);
  return browserClient;
}
