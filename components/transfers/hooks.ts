"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLiveOpen } from "@/components/live/live-state";
import { toast } from "@/components/ui/toast";
import { apiGet, apiSend, lazySchemas } from "@/lib/api-client";
import type { CreateTransferRequest, TransferRequest } from "@/lib/jiko/transfers";
import { formatCents } from "@/lib/money";
import { queryKeys } from "@/lib/query-keys";

/** The answers' schemas load with the first answer (lib/api-client.ts). */
const schema = lazySchemas(() => import("./answers"));

/** While anything is on its way, lists are read again every few seconds so a status moves on screen. */
const LIVE_MS = 5_000;
/** With Jiko's events arriving, a slow re-read only covers an event that never came. */
const LIVE_SAFETY_MS = 30_000;

export const useAvailable = () =>
  useQuery({
    queryKey: queryKeys.available(),
    queryFn: () => apiGet("/api/pockets/available", schema("AvailableList")),
  });

export const usePayablePayees = () =>
  useQuery({
    queryKey: queryKeys.payablePayees(),
    queryFn: () => apiGet("/api/counterparties/payable", schema("Payees")),
  });

/** Every payee, unlinked ones too: an old request still names whom it paid. */
export const useAllPayees = () =>
  useQuery({
    queryKey: queryKeys.allCounterparties(),
    queryFn: () => apiGet("/api/counterparties", schema("Payees")),
  });

export const useReviewers = (enabled = true) =>
  useQuery({
    queryKey: queryKeys.transferReviewers(),
    queryFn: () => apiGet("/api/transfer-requests/reviewers", schema("Reviewers")),
    enabled,
  });

const moving = (r: TransferRequest) =>
  r.status === "PENDING" || (r.status === "APPROVED" && r.transfer_status === "PROCESSING");

export const useTransferRequests = (view: "mine" | "decided" | "all") => {
  // Jiko's events refresh the list while the live stream is open; re-reading is the safety net.
  const live = useLiveOpen();
  return useQuery({
    queryKey: queryKeys.transferRequests(view),
    queryFn: () => apiGet(`/api/transfer-requests?view=${view}`, schema("Requests")),
    refetchInterval: (q) =>
      q.state.data?.items.some(moving) ? (live ? LIVE_SAFETY_MS : LIVE_MS) : false,
  });
};

export const useReviewQueue = (first: number) =>
  useQuery({
    queryKey: queryKeys.reviewQueue(first),
    queryFn: () => apiGet(`/api/transfer-requests/queue?first=${first}`, schema("ReviewQueue")),
    // Each read costs a dozen Jiko calls (rate-limited): once a minute, and after every decision.
    refetchInterval: 60_000,
    // "Show more" keeps the cards on screen while the longer head of the queue comes.
    placeholderData: keepPreviousData,
  });

export { useAwaitingCount } from "./awaiting-count";

/** Any change to a request: every transfers list, the queue, the count and balances read again. */
function useTransferChange<V>(change: (v: V) => Promise<TransferRequest | undefined>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ["transfers"] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.pockets() });
    },
  });
}

export const useCreateTransfer = () =>
  useTransferChange((body: CreateTransferRequest) =>
    apiSend("POST", "/api/transfer-requests", schema("TransferRequest"), body),
  );

export const useCancelTransfer = () => {
  const change = useTransferChange(async (r: TransferRequest) => {
    await apiSend("DELETE", `/api/transfer-requests/${r.id}`, schema("Cancelled"));
    return undefined;
  });
  return {
    ...change,
    cancel: (r: TransferRequest, amountCents: number | null) =>
      change.mutateAsync(r).then(() => {
        toast.success(
          amountCents === null
            ? "Request cancelled"
            : `Request for ${formatCents(amountCents)} cancelled`,
        );
      }),
  };
};

export type Decision = { status: "APPROVED" } | { status: "DENIED"; reason: string };

export const useDecide = () =>
  useTransferChange(({ id, decision }: { id: string; decision: Decision }) =>
    apiSend("POST", `/api/transfer-requests/${id}/decision`, schema("TransferRequest"), decision),
  );
