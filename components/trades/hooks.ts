"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { apiGet, lazySchemas } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/** The answer's schema loads with the first answer (lib/api-client.ts). */
const schema = lazySchemas(() => import("./answers"));

/** The filtered trades, page after page over Jiko's cursor. */
export function useTrades(search: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.trades(search),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(search);
      if (pageParam) params.set("cursor", pageParam);
      return apiGet(`/api/trades?${params}`, schema("TradeV2List"));
    },
    getNextPageParam: (last) => last.next_page,
  });
}
