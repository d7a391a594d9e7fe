/**
 * What the transfers routes answer, checked in the browser. The hooks load this module with the
 * first answer they ask for (lib/api-client.ts), so zod stays out of the pages' first load.
 */
import { z } from "zod";
import { Counterparty } from "@/lib/jiko/counterparties";
import { DualAuthUser, TransferRequest } from "@/lib/jiko/transfers";

export { ControlsReport } from "@/lib/transfers/controls-schemas";
export { ReviewQueue } from "@/lib/transfers/review-schemas";
export { TransferRequest };

export const AvailableList = z.object({
  items: z.array(
    z.object({
      pocketId: z.string(),
      pocketName: z.string(),
      valueCents: z.number().int(),
      holdsCents: z.number().int(),
      pendingCount: z.number().int(),
      availableCents: z.number().int(),
    }),
  ),
});
export type AvailableList = z.infer<typeof AvailableList>;
export const Requests = z.object({ items: z.array(TransferRequest) });
export const Payees = z.object({ items: z.array(Counterparty) });
export const Reviewers = z.object({ items: z.array(DualAuthUser) });

/** A cancelled request: the route answers with no body. */
export const Cancelled = z.null();
