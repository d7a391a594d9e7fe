import "server-only";
import { type DehydratedState, dehydrate, type QueryClient } from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/query-client";
import { JikoError } from "./jiko";

/**
 * One streamed section's first-paint data, read under the keys the browser's hooks use and
 * dehydrated for React Query. Each section reads its own (`load` prefetches), so no section
 * waits on another's Jiko call.
 *
 * Jiko being away (not answering, or asking to wait) is thrown: the page's error boundary shows
 * it as such, in the shell, and comes back by itself. Any other failure stays with the section's
 * hook, which shows its own error and asks again. Nothing is retried here: a second try would
 * only hold the section back (and the outage page past Jiko's budget); the browser retries.
 */
export async function sectionState(
  load: (client: QueryClient) => Promise<unknown>,
): Promise<DehydratedState> {
  const client = makeQueryClient();
  const defaults = client.getDefaultOptions();
  client.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retry: false } });
  await load(client);
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
  return dehydrate(client);
}
