import "server-only";
import { PAYABLE_STATUSES } from "@/lib/jiko/counterparties";
import { availableOf } from "@/lib/transfers/available";
import { allPockets } from "../pockets/all-pockets";
import type { Viewer } from "../viewer";
import { allCounterparties } from "./lists";
import { pendingRequests } from "./pending-requests";

/**
 * What the new-transfer form starts from, read by its routes and by its page for the first
 * paint alike.
 */

/** Each open pocket's value, what its pending outgoing requests hold, and what is left to send. */
export async function availableToSend(viewer: Viewer) {
  const [pockets, pending] = await Promise.all([allPockets(viewer.jiko), pendingRequests(viewer)]);
  const items = pockets
    .filter((p) => p.status === "OPEN")
    .map((p) => ({ ...availableOf(p, pending), pocketName: p.pocket_name }));
  return { items };
}

/** The payees money may go to (those Jiko has verified): one list read per payable status. */
export const payablePayees = async (viewer: Viewer) => ({
  items: (
    await Promise.all(PAYABLE_STATUSES.map((status) => allCounterparties(viewer.jiko, { status })))
  ).flat(),
});

/** Who may review a request the viewer makes: never the viewer. */
export async function reviewersFor(viewer: Viewer) {
  const list = await viewer.jiko.transferReviewers();
  return { items: list.items.filter((u) => u.id !== viewer.memberId) };
}
