"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";
import { TradeV2List } from "@/lib/jiko/trades";
import { queryKeys } from "@/lib/query-keys";

/** The filtered trades, page after page over Jiko's cursor. */
export function useTrades(search: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.trades(search),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(search);
      if (pageParam) params.set("cursor", pageParam);
      return apiGet(`/api/trades?${params}`, TradeV2List);
    },
    getNextPageParam: (last) => last.next_page,
  });
}
