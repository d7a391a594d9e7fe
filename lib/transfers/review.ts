/**
 * What an approver sees of one pending request, as the queue route sends it: who asked, how much,
 * from which pocket (available before and after), the bills it would sell and the earnings given
 * up, the payee and its history, the rail and when the money lands, age and expiry, and a warning
 * when too few people can still decide. Built from Jiko's answers by `reviewItem` (pure).
 */
import type { Counterparty } from "../jiko/counterparties";
import { counterpartyLabel } from "../jiko/counterparty-label";
import type { Pocket } from "../jiko/pockets";
import type { Role } from "../jiko/roles";
import type { Transaction } from "../jiko/transactions";
import { expectedSettlement } from "../jiko/transfer-terms";
import type { DualAuthUser, TransferRequest as TransferRequestT } from "../jiko/transfers";
import { availableOf } from "./available";
import { mayDecide, reviewerWarning } from "./eligibility";
import { fundingPlan } from "./funding-plan";
import { payeeHistory } from "./payee-history";
import type { Payee, ReviewItem } from "./review-schemas";

// The queue page draws from this module at first load; the answers' schemas load with the answer.
export type { Payee, ReviewItem, ReviewQueue } from "./review-schemas";

/** Cards the queue draws at first, and adds at each "Show more": hundreds of cards paint slowly. */
export const QUEUE_PAGE = 50;

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
): Payee {
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
