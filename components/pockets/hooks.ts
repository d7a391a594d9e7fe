"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { apiGet, apiSend, lazySchemas } from "@/lib/api-client";
import type { CreatePocketRequest, UpdatePocketRequest } from "@/lib/jiko/pockets";
import type { EarningsParams } from "@/lib/pocket-schemas";
import { queryKeys } from "@/lib/query-keys";

/** The answers' schemas load with the first answer (lib/api-client.ts). */
const schema = lazySchemas(() => import("./answers"));

export { usePockets } from "./use-pockets";

export const usePocket = (id: string) =>
  useQuery({
    queryKey: queryKeys.pocket(id),
    queryFn: () => apiGet(`/api/pockets/${id}`, schema("Pocket")),
  });

export const useStrategies = () =>
  useQuery({
    queryKey: queryKeys.strategies(),
    queryFn: () => apiGet("/api/trading-strategies", schema("TradingStrategies")),
    staleTime: 3_600_000,
  });

export function useEarnings(id: string, params: EarningsParams, enabled = true) {
  const search = new URLSearchParams({
    period: params.period,
    ...(params.period === "range" ? { from: params.from!, to: params.to! } : {}),
  });
  return useQuery({
    queryKey: queryKeys.earnings(id, params),
    queryFn: () => apiGet(`/api/pockets/${id}/earnings?${search}`, schema("PocketEarnings")),
    enabled,
    // The series fills over a few requests (Jiko's rate limit): ask again until it is complete.
    refetchInterval: (q) => (q.state.data && !q.state.data.complete ? 10_000 : false),
  });
}

export const usePortals = (id: string, reveal: boolean) =>
  useQuery({
    queryKey: queryKeys.portals(id, reveal),
    queryFn: () =>
      apiGet(`/api/pockets/${id}/portals${reveal ? "?reveal=1" : ""}`, schema("MaskedPortals")),
    // Revealed numbers are not kept around once the person looks away.
    gcTime: reveal ? 0 : undefined,
  });

function useInvalidatePockets() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.pockets() });
    void queryClient.invalidateQueries({ queryKey: ["pocket"] });
    void queryClient.invalidateQueries({ queryKey: ["audit-log"] });
  };
}

export function useCreatePocket() {
  const invalidate = useInvalidatePockets();
  return useMutation({
    mutationFn: (body: CreatePocketRequest) =>
      apiSend("POST", "/api/pockets", schema("Pocket"), body),
    onSuccess: (p) => {
      toast.success(`${p.pocket_name} is open`);
      invalidate();
    },
  });
}

export function useUpdatePocket(id: string) {
  const invalidate = useInvalidatePockets();
  return useMutation({
    mutationFn: (body: UpdatePocketRequest) =>
      apiSend("PATCH", `/api/pockets/${id}`, schema("Pocket"), body),
    onSuccess: (p, body) => {
      toast.success(
        body.status === "CLOSED" ? `${p.pocket_name} is closed` : `${p.pocket_name} is saved`,
      );
      invalidate();
    },
  });
}
