import { z } from "zod";
import { mayDecide } from "@/lib/transfers/eligibility";
import { recordAccess } from "@/server/access-log/store";
import { ApiError, guarded, readJson } from "@/server/api/guard";

type Params = { transferId: string };

const Decision = z.discriminatedUnion("status", [
  z.object({ status: z.literal("APPROVED") }),
  z.object({
    status: z.literal("DENIED"),
    reason: z
      .string()
      .trim()
      .min(1, "Say why the request is denied: the requester reads it.")
      .max(500, "A reason has at most 500 characters"),
  }),
]);

// POST /api/transfer-requests/:id/decision {status, reason}: approve, or deny with a reason.
// The dashboard refuses what Jiko would (the creator, a reviewer not named, a decided request),
// saying why; Jiko decides the race between two reviewers and answers the loser 409.
export const POST = guarded<Params>("transfers:review", async ({ req, params, viewer }) => {
  const decision = await readJson(req, Decision);
  const request = await viewer.jiko.transferRequest(params.transferId);
  const verdict = mayDecide(request, { memberId: viewer.memberId, role: viewer.role });
  if (!verdict.ok) {
    // An attempt on one's own request never reaches Jiko; it is kept here for the controls report.
    if (verdict.why === "own") {
      await recordAccess(viewer, "transfer_request.self_decision_refused", {
        kind: "transfer_request",
        id: request.id,
      });
    }
    throw new ApiError(request.status === "PENDING" ? "forbidden" : "conflict", verdict.reason);
  }
  return Response.json(
    await viewer.jiko.decideTransferRequest(params.transferId, {
      status: decision.status,
      reason: decision.status === "DENIED" ? decision.reason : null,
    }),
  );
});
