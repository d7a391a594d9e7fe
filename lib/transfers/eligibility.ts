/**
 * Who may decide a transfer request, by Jiko's rules (lib/jiko/transfers.ts TRANSFER_RULES): a
 * reviewer role, never the request's creator, and one of the named reviewers when some are named.
 * The dashboard checks before asking Jiko, so a person is told why at once; Jiko checks again.
 */
import type { Role } from "../jiko/roles";
import { TRANSFER_RULES } from "../jiko/transfer-terms";
import type { DualAuthUser, TransferRequest } from "../jiko/transfers";

export type Verdict =
  | { ok: true }
  | { ok: false; why: "decided" | "role" | "own" | "not-named"; reason: string };

export function mayDecide(
  request: Pick<TransferRequest, "status" | "created_by" | "reviewers">,
  me: { memberId: string; role: Role },
): Verdict {
  if (request.status !== "PENDING") {
    return {
      ok: false,
      why: "decided",
      reason: `This request is no longer pending (${request.status.toLowerCase()}).`,
    };
  }
  if (!TRANSFER_RULES.reviewers.includes(me.role)) {
    return { ok: false, why: "role", reason: "Your role does not review transfer requests." };
  }
  if (request.created_by.id === me.memberId) {
    return {
      ok: false,
      why: "own",
      reason: "You made this request: someone else must approve or deny it.",
    };
  }
  if (request.reviewers.length > 0 && !request.reviewers.some((r) => r.id === me.memberId)) {
    return { ok: false, why: "not-named", reason: "This request names other reviewers." };
  }
  return { ok: true };
}

/**
 * The people who could still decide the request: the team's current reviewers (Jiko's reviewers
 * endpoint lists active members with a reviewer role), less its creator, and only the named ones
 * when reviewers were named. None left means the request can only expire or be cancelled.
 */
export function eligibleReviewers(
  request: Pick<TransferRequest, "created_by" | "reviewers">,
  current: readonly DualAuthUser[],
): DualAuthUser[] {
  const named = new Set(request.reviewers.map((r) => r.id));
  return current.filter(
    (u) => u.id !== request.created_by.id && (named.size === 0 || named.has(u.id)),
  );
}

/** A warning for the queue when fewer than the approvals needed can still decide, else null. */
export function reviewerWarning(
  request: Pick<TransferRequest, "created_by" | "reviewers">,
  current: readonly DualAuthUser[],
): string | null {
  const left = eligibleReviewers(request, current).length;
  if (left >= TRANSFER_RULES.approvalsNeeded) return null;
  return request.reviewers.length > 0
    ? "None of the reviewers named on this request can still approve it (deactivated or no longer a reviewer)."
    : "No one who may approve this request is left on the team.";
}
