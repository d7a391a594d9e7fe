/**
 * What an approver sees of one pending request, as the queue route sends it: who asked, how much,
 * from which pocket (available before and after), the bills it would sell and the earnings given
 * up, the payee and its history, the rail and when the money lands, age and expiry, and a warning
 * when too few people can still decide. Built from Jiko's answers by `reviewItem` (pure).
 */
import { z } from "zod";
import type { Counterparty } from "../jiko/counterparties";
import { counterpartyLabel } from "../jiko/counterparty-label";
import type { Pocket } from "../jiko/pockets";
import type { Role } from "../jiko/roles";
import type { Transaction } from "../jiko/transactions";
import {
  type DualAuthUser,
  expectedSettlement,
  TransferRequest,
  type TransferRequest as TransferRequestT,
} from "../jiko/transfers";
import { availableOf } from "./available";
import { mayDecide, reviewerWarning } from "./eligibility";
import { fundingPlan } from "./funding-plan";
import { payeeHistory } from "./payee-history";

export const Payee = z.object({
  name: z.string(),
  /** One of the customer's own pockets (an internal reallocation), not a counterparty. */
  own: z.boolean(),
  /** "Wire · Brightline Bank ••6789", "Own pocket", … */
  detail: z.string(),
  status: z.string().nullable(),
});

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

/** Cards the queue draws at first, and adds at each "Show more": hundreds of cards paint slowly. */
export const QUEUE_PAGE = 50;

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

export interface ReviewInputs {
  pockets: readonly Pocket[];
  pending: readonly TransferRequestT[];
  counterparties: readonly Counterparty[];
  payments: readonly Transaction[];
  reviewers: readonly DualAuthUser[];
  me: { memberId: string; role: Role };
}

/** The payee of a request: a counterparty, or one of the customer's own pockets. */
export function payeeOf(
  r: TransferRequestT,
  inputs: Pick<ReviewInputs, "pockets" | "counterparties">,
): z.infer<typeof Payee> {
  const t = r.transfer;
  if (t.type === "ON_US" && t.details.type === "INTERNAL_REALLOCATION") {
    const destination = t.details.destination_pocket_id;
    const to = inputs.pockets.find((p) => p.id === destination);
    return {
      name: to?.pocket_name ?? "Another pocket",
      own: true,
      detail: "Own pocket",
      status: null,
    };
  }
  const id =
    t.type === "ON_US" && t.details.type === "PEER_TO_PEER"
      ? t.details.destination_counterparty_id
      : t.type !== "ON_US"
        ? t.counterparty_id
        : null;
  const c = inputs.counterparties.find((x) => x.id === id);
  return c
    ? { name: c.name, own: false, detail: counterpartyLabel(c), status: c.status }
    : { name: "Unknown payee", own: false, detail: "Not in this customer's payees", status: null };
}

export function reviewItem(r: TransferRequestT, inputs: ReviewInputs): ReviewItem {
  const pocket = inputs.pockets.find((p) => p.id === r.transfer.origin_pocket_id);
  const before = pocket ? availableOf(pocket, inputs.pending, { except: r.id }).availableCents : 0;
  const everything = r.transfer.amount.type === "FULL_WITHDRAWAL";
  const amount =
    r.transfer.amount.type === "FULL_WITHDRAWAL" ? before : r.transfer.amount.amount_usdc;
  const payee = payeeOf(r, inputs);
  const verdict = mayDecide(r, inputs.me);
  return {
    request: r,
    amountCents: amount,
    everything,
    pocket: {
      id: r.transfer.origin_pocket_id,
      name: pocket?.pocket_name ?? "Unknown pocket",
      valueCents: pocket?.portfolio?.total_value.value ?? 0,
      availableBeforeCents: before,
      availableAfterCents: before - amount,
    },
    plan: pocket?.portfolio
      ? fundingPlan(pocket.portfolio, amount)
      : { fromCashCents: 0, sales: [], forgoneCents: 0, shortfallCents: amount },
    payee,
    history: payee.own
      ? {
          count: 0,
          lastPaidAt: null,
          lastAmountCents: null,
          typicalCents: null,
          largestCents: null,
          unusual: null,
        }
      : payeeHistory(payee.name, inputs.payments, amount),
    settlement: expectedSettlement(r.transfer),
    blocked: verdict.ok ? null : verdict.reason,
    reviewerWarning: reviewerWarning(r, inputs.reviewers),
  };
}

/**
 * The requests awaiting my decision, oldest first (the longest-waiting is decided first): the
 * first `first` of them with their context, and the count of all.
 */
export function reviewQueue(
  inputs: ReviewInputs,
  first = Number.POSITIVE_INFINITY,
): { items: ReviewItem[]; total: number } {
  const mine = inputs.pending
    .filter((r) => r.status === "PENDING" && mayDecide(r, inputs.me).ok)
    .sort((a, b) => a.time_created.localeCompare(b.time_created));
  return { items: mine.slice(0, first).map((r) => reviewItem(r, inputs)), total: mine.length };
}
