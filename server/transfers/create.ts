import "server-only";
import type { CreateTransferRequest, TransferRequest } from "@/lib/jiko/transfers";
import { formatCents } from "@/lib/money";
import { availableOf } from "@/lib/transfers/available";
import { ApiError } from "../api/guard";
import type { Viewer } from "../viewer";
import { allTransferRequests } from "./lists";

/**
 * Asks Jiko for a transfer after the checks a person should hear at once, each under its field:
 * an amount over the pocket's available balance (with the figure), a pocket sending to itself, the
 * requester named as their own reviewer. Jiko checks all of it again. The browser mints
 * `transfer.id` once per form, so a double click or a retry finds the first request.
 */
export async function createTransfer(
  viewer: Viewer,
  body: CreateTransferRequest,
): Promise<TransferRequest> {
  const t = body.transfer;
  const issues: { path: string; message: string }[] = [];
  if (body.reviewers.includes(viewer.memberId)) {
    issues.push({ path: "reviewers", message: "You cannot review your own request." });
  }
  if (
    t.type === "ON_US" &&
    t.details.type === "INTERNAL_REALLOCATION" &&
    t.details.destination_pocket_id === t.origin_pocket_id
  ) {
    issues.push({
      path: "transfer.details.destination_pocket_id",
      message: "Choose a pocket other than the one the money leaves.",
    });
  }
  const [pocket, pending] = await Promise.all([
    viewer.jiko.pocket(t.origin_pocket_id),
    // Only this pocket's pending requests hold its money back (one page, not every pocket's).
    allTransferRequests(viewer.jiko, { status: "PENDING", origin_pocket_id: t.origin_pocket_id }),
  ]);
  if (pocket.status !== "OPEN") {
    issues.push({ path: "transfer.origin_pocket_id", message: "Money leaves open pockets only." });
  }
  // A retry of this very request must not count its own hold against itself.
  const available = availableOf(pocket, pending, { except: t.id }).availableCents;
  if (t.amount.type === "REQUESTED_AMOUNT" && t.amount.amount_usdc > available) {
    issues.push({
      path: "transfer.amount.amount_usdc",
      message: `More than the ${formatCents(available)} available in ${pocket.pocket_name}.`,
    });
  }
  if (t.amount.type === "FULL_WITHDRAWAL" && available <= 0) {
    issues.push({
      path: "transfer.amount.type",
      message: `Nothing is available in ${pocket.pocket_name}: pending requests hold all of it.`,
    });
  }
  if (issues.length) throw new ApiError("invalid", "Some of the information is not valid.", issues);
  return viewer.jiko.createTransferRequest(body);
}
