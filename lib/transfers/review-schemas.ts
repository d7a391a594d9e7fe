/**
 * The queue route's answer, as the browser checks it: one pending request with the context an
 * approver decides on (lib/transfers/review.ts builds it).
 */
import { z } from "zod";
import { TransferRequest } from "../jiko/transfers";

export const Payee = z.object({
  name: z.string(),
  /** One of the customer's own pockets (an internal reallocation), not a counterparty. */
  own: z.boolean(),
  /** "Wire · Brightline Bank ••6789", "Own pocket", … */
  detail: z.string(),
  status: z.string().nullable(),
});
export type Payee = z.infer<typeof Payee>;

export const ReviewItem = z.object({
  request: TransferRequest,
  amountCents: z.number().int(),
  everything: z.boolean(),
  pocket: z.object({
    id: z.string(),
    name: z.string(),
    valueCents: z.number().int(),
    availableBeforeCents: z.number().int(),
    availableAfterCents: z.number().int(),
  }),
  plan: z.object({
    fromCashCents: z.number().int(),
    sales: z.array(
      z.object({
        cusip: z.string(),
        description: z.string(),
        maturityDate: z.string(),
        units: z.number().int(),
        proceedsCents: z.number().int(),
        forgoneCents: z.number().int(),
        whole: z.boolean(),
      }),
    ),
    forgoneCents: z.number().int(),
    shortfallCents: z.number().int(),
  }),
  payee: Payee,
  history: z.object({
    count: z.number().int(),
    lastPaidAt: z.string().nullable(),
    lastAmountCents: z.number().int().nullable(),
    typicalCents: z.number().int().nullable(),
    largestCents: z.number().int().nullable(),
    unusual: z.string().nullable(),
  }),
  settlement: z.object({ rail: z.string(), timing: z.string() }),
  /** Why I may not decide it, or null when I may. */
  blocked: z.string().nullable(),
  reviewerWarning: z.string().nullable(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

/**
 * The first `items` of the queue, oldest first, and how many await the viewer in all: a queue of
 * 500 sends the 50 it draws, not 500 cards' context.
 */
export const ReviewQueue = z.object({
  items: z.array(ReviewItem),
  total: z.number().int().nonnegative(),
  asOf: z.string(),
});
export type ReviewQueue = z.infer<typeof ReviewQueue>;
