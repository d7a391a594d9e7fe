/**
 * Team audit logs: `GET /api/v1/team/audit-logs/`, `GET /api/v1/team/members/{member_id}/audit-logs/`
 * and `GET /api/v1/team/audit-logs.csv`. Published: the paths, that lists are paginated and filtered
 * by a time range, that the CSV filters by member_id and a timestamp range. INFERRED: the entry's
 * fields, the filter parameter names, the action names and filter, the cursor list shape, the CSV
 * columns.
 */
import { z } from "zod";
import { cursorList, IsoDateTime } from "./common";

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
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditActor = z.object({
  member_id: z.uuid().nullable(),
  user_id: z.uuid().nullable(),
  name: z.string(),
  email: z.email().nullable(),
});

export const CustomerAuditLogEntry = z.object({
  id: z.uuid(),
  timestamp: IsoDateTime,
  /** Null for changes Jiko made itself (e.g. an invitation accepted by the invitee). */
  actor: AuditActor.nullable(),
  action: AuditAction,
  target_type: z.string(),
  target_id: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  object_type: z.literal("CustomerAuditLogEntry"),
});
export type CustomerAuditLogEntry = z.infer<typeof CustomerAuditLogEntry>;

export const AuditLogList = cursorList(CustomerAuditLogEntry);
export type AuditLogList = z.infer<typeof AuditLogList>;

/** INFERRED query parameters (time range as ISO date-times, inclusive; newest first). */
export const AuditLogQuery = z.object({
  member_id: z.uuid().optional(),
  timestamp_from: IsoDateTime.optional(),
  timestamp_to: IsoDateTime.optional(),
  "action[]": z.array(AuditAction).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;

/** INFERRED CSV header of audit-logs.csv (before/after as JSON). */
export const AUDIT_CSV_COLUMNS = [
  "id",
  "timestamp",
  "actor_member_id",
  "actor_name",
  "actor_email",
  "action",
  "target_type",
  "target_id",
  "before",
  "after",
] as const;
