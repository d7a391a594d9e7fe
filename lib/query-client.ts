/** One QueryClient factory for server prefetch and the browser. */
import { isServer, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiClientError } from "./api-client";

const isAuthError = (e: unknown) => e instanceof ApiClientError && e.code === "reauth-required";

export function makeQueryClient(onAuthError?: () => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error) => isAuthError(error) && onAuthError?.() }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Never retry what retrying cannot fix: an ended session or a refusal.
        retry: (count, error) =>
          !(
            error instanceof ApiClientError &&
            ["reauth-required", "forbidden", "not-found", "invalid"].includes(error.code)
          ) && count < 2,
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
