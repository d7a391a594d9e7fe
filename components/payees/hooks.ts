"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { apiGet, apiSend, lazySchemas } from "@/lib/api-client";
import type { Counterparty, CreateCounterpartyRequest } from "@/lib/jiko/counterparties";
import { PAYABLE_STATUSES } from "@/lib/jiko/counterparty-terms";
import { queryKeys } from "@/lib/query-keys";

/** The answers' schemas load with the first answer (lib/api-client.ts). */
const schema = lazySchemas(() => import("./answers"));

/** Every payee of the customer; the page filters them in the browser (tens, not thousands). */
export const usePayees = () =>
  useQuery({
    queryKey: queryKeys.counterparties(),
    queryFn: () => apiGet("/api/counterparties", schema("PayeeList")),
  });

/** A change to the payee list: the list (and everything about transfers) is read again. */
function usePayeeChange<V>(
  change: (v: V) => Promise<Counterparty>,
  done: (c: Counterparty) => string,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (c) => {
      toast.success(done(c));
      void queryClient.invalidateQueries({ queryKey: queryKeys.counterparties() });
    },
  });
}

export const useAddPayee = () =>
  usePayeeChange(
    (body: CreateCounterpartyRequest) =>
      apiSend("POST", "/api/counterparties", schema("Counterparty"), body),
    (c) =>
      PAYABLE_STATUSES.includes(c.status)
        ? `${c.name} is added and verified: it can receive transfers`
        : `${c.name} is added. Jiko must verify it before it can be paid.`,
  );

export const useUnlinkPayee = () =>
  usePayeeChange(
    (c: Counterparty) =>
      apiSend("PATCH", `/api/counterparties/${encodeURIComponent(c.id)}`, schema("Counterparty"), {
        status: "UNLINKED",
      }),
    (c) => `${c.name} is unlinked`,
  );
