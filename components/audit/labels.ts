import type { AuditAction } from "@/lib/jiko/audit";

export const ACTION_LABELS: Record<AuditAction, string> = {
  "team.member.invited": "Invited a member",
  "team.member.invite_resent": "Resent an invitation",
  "team.member.invite_cancelled": "Cancelled an invitation",
  "team.member.joined": "Joined the team",
  "team.member.role_changed": "Changed a role",
  "team.member.deactivated": "Deactivated a member",
  "team.member.reactivated": "Reactivated a member",
  "team.service_user.created": "Added a service user",
  "pocket.created": "Created a pocket",
  "pocket.updated": "Changed a pocket",
  "pocket.closed": "Closed a pocket",
  "transfer_request.created": "Requested a transfer",
  "transfer_request.approved": "Approved a transfer",
  "transfer_request.denied": "Denied a transfer",
  "transfer_request.cancelled": "Cancelled a transfer request",
  "transfer_request.expired": "Transfer request expired",
  "transfer_request.self_decision_refused": "Tried to decide their own transfer",
  "counterparty.created": "Added a payee",
  "counterparty.unlinked": "Unlinked a payee",
  "customer.updated": "Changed the company's details",
  "agreement.acknowledged": "Accepted the agreements",
  "document.uploaded": "Uploaded a document",
  "business_application.approved": "Opened the company",
};

/** A readable name for what an entry changed, from its before/after snapshot. */
export function targetName(snapshot: Record<string, unknown> | null): string | undefined {
  if (!snapshot) return undefined;
  const first = snapshot.first_name;
  const last = snapshot.last_name;
  if (typeof first === "string") return `${first} ${typeof last === "string" ? last : ""}`.trim();
  if (typeof snapshot.pocket_name === "string") return snapshot.pocket_name;
  return undefined;
}
