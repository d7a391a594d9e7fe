import "server-only";
import { mayDecide } from "@/lib/transfers/eligibility";
import { type ReviewQueue, reviewQueue } from "@/lib/transfers/review";
import { allPockets } from "../pockets/all-pockets";
import type { Viewer } from "../viewer";
import { allCounterparties, recentPayments } from "./lists";
import { pendingRequests, recentPendingRequests } from "./pending-requests";

/**
 * The first `first` requests awaiting the viewer's decision with the context to decide them, and
 * how many await in all. Jiko is asked once per list (pending requests, pockets, payees, a year of
 * payments, current reviewers), never once per request, so 500 pending requests cost the same
 * calls as 5.
 */
export async function buildReviewQueue(viewer: Viewer, first: number): Promise<ReviewQueue> {
  const jiko = viewer.jiko;
  const [pending, pockets, counterparties, payments, reviewers] = await Promise.all([
    pendingRequests(viewer),
    allPockets(jiko),
    allCounterparties(jiko),
    recentPayments(jiko),
    jiko.transferReviewers(),
  ]);
  const queue = reviewQueue(
    {
      pending,
      pockets,
      counterparties,
      payments,
      reviewers: reviewers.items,
      me: { memberId: viewer.memberId, role: viewer.role },
    },
    first,
  );
  return { asOf: new Date().toISOString(), ...queue };
}

/**
 * How many requests await the viewer, for the navigation's count: from the pending list a page
 * of this load has just read, when there is one (server/transfers/pending-requests.ts).
 */
export async function awaitingCount(viewer: Viewer): Promise<number> {
  const pending = await recentPendingRequests(viewer);
  const me = { memberId: viewer.memberId, role: viewer.role };
  return pending.filter((r) => mayDecide(r, me).ok).length;
}
