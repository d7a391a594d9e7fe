// No zod here: the audit page draws these at first load (lib/jiko/audit.ts holds the schemas).

/** INFERRED action names, `<object>.<verb>`. */
export const AUDIT_ACTIONS = [
  "team.member.invited",
  "team.member.invite_resent",
  "team.member.invite_cancelled",
  "team.member.joined",
  "team.member.role_changed",
  "team.member.deactivated",
  "team.member.reactivated",
  "team.service_user.created",
  "pocket.created",
  "pocket.updated",
  "pocket.closed",
  "transfer_request.created",
  "transfer_request.approved",
  "transfer_request.denied",
  "transfer_request.cancelled",
  "transfer_request.expired",
  "transfer_request.self_decision_refused",
  "counterparty.created",
  "counterparty.unlinked",
  "customer.updated",
  "agreement.acknowledged",
  "document.uploaded",
  "business_application.approved",
] as const;
