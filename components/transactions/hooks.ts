"use client";

import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { apiGet, apiSend, lazySchemas } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import type { SavedView } from "@/lib/saved-views";

/** The answers' schemas load with the first answer (lib/api-client.ts). */
export const answers = lazySchemas(() => import("./answers"));

/** The filtered transactions, page after page over Jiko's cursor. */
export function useTransactions(search: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.transactions(search),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(search);
      if (pageParam) params.set("cursor", pageParam);
      return apiGet(`/api/transactions?${params}`, answers("TransactionList"));
    },
    getNextPageParam: (last) => last.next_page,
  });
}

export const useSavedViews = () =>
  useQuery({
    queryKey: queryKeys.savedViews("transactions"),
    queryFn: () => apiGet("/api/saved-views?page=transactions", answers("SavedViewList")),
  });

/**
 * Deletes a saved view, saying so either way. A plain call rather than useMutation: the button
 * is on the page at load, and React Query's mutation observer would come with the page for it.
 */
export function useDeleteView() {
  const client = useQueryClient();
  const [isPending, setPending] = useState(false);
  async function remove(view: SavedView) {
    setPending(true);
    try {
      await apiSend("DELETE", `/api/saved-views/${view.id}`, answers("Deleted"));
      toast.success(`Deleted the view “${view.name}”`);
      await client.invalidateQueries({ queryKey: queryKeys.savedViews(view.page) });
    } catch (error) {
      toast.error((error as Error).message);
    } finally {
      setPending(false);
    }
  }
  return { remove, isPending };
}
