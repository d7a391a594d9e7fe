"use client";

import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

const AwaitingCount = z.object({ count: z.number() });

/**
 * How many transfer requests wait for this reviewer. The navigation shows it on every page, so it
 * lives apart from the transfers hooks and their schemas, which only the transfers pages load.
 */
export const useAwaitingCount = (enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.awaitingCount(),
    queryFn: () => apiGet("/api/transfer-requests/awaiting-count", AwaitingCount),
    enabled,
    refetchInterval: 60_000,
  });
