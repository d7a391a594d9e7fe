import "server-only";
import {
  type DehydratedState,
  type DehydrateOptions,
  dehydrate,
  type QueryClient,
} from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/query-client";
import { JikoError } from "./jiko";

/**
 * A page's (or a streamed section's) first-paint data, read under the keys the browser's hooks
 * use and dehydrated for React Query.
 *
 * Jiko being away (not answering, or asking to wait) is thrown: the page's error boundary shows
 * it as such, in the shell, and comes back by itself. This is what tells a person Jiko is away
 * when who they are comes from the session's cache (server/viewer-cache.ts) and the layout made
 * no call. Any other failure stays with the section's hook, which shows its own error and asks
 * again. Nothing is retried here: a second try would only hold the page back (and the outage
 * past Jiko's budget); the browser retries.
 */
export async function sectionState(
  load: (client: QueryClient) => Promise<unknown>,
  options?: DehydrateOptions,
): Promise<DehydratedState> {
  const client = firstPaintClient();
  await load(client);
  throwIfJikoAway(client);
  return dehydrate(client, options);
}

/** A query client for one render's prefetches: unretried (see above). */
export function firstPaintClient(): QueryClient {
  const client = makeQueryClient();
  const defaults = client.getDefaultOptions();
  client.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retry: false } });
  return client;
}

/** Throws Jiko's own error if any prefetch found Jiko away (prefetches never throw). */
export function throwIfJikoAway(client: QueryClient): void {
  const away = client
    .getQueryCache()
    .getAll()
    .map((query) => query.state.error)
    .find(
      (error) =>
        error instanceof JikoError &&
        (error.code === "unavailable" || error.code === "rate-limited"),
    );
  if (away) throw away;
}
