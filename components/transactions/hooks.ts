"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { apiGet, apiSend, lazySchemas } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import type { CreateSavedView, SavedView } from "@/lib/saved-views";

/** The answers' schemas load with the first answer (lib/api-client.ts). */
const schema = lazySchemas(() => import("./answers"));

/** The filtered transactions, page after page over Jiko's cursor. */
export function useTransactions(search: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.transactions(search),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(search);
      if (pageParam) params.set("cursor", pageParam);
      return apiGet(`/api/transactions?${params}`, schema("TransactionList"));
    },
    getNextPageParam: (last) => last.next_page,
  });
}

export const useSavedViews = () =>
  useQuery({
    queryKey: queryKeys.savedViews("transactions"),
    queryFn: () => apiGet("/api/saved-views?page=transactions", schema("SavedViewList")),
  });

export function useSaveView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: CreateSavedView) => apiSend("POST", "/api/saved-views", schema("SavedView"), v),
    onSuccess: (view) => {
      toast.success(`Saved the view “${view.name}”`);
      return client.invalidateQueries({ queryKey: queryKeys.savedViews(view.page) });
    },
  });
}

export function useDeleteView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (view: SavedView) =>
      apiSend("DELETE", `/api/saved-views/${view.id}`, schema("Deleted")),
    onSuccess: (_, view) => {
      toast.success(`Deleted the view “${view.name}”`);
      return client.invalidateQueries({ queryKey: queryKeys.savedViews(view.page) });
    },
  });
}
