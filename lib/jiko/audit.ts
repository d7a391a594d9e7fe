/**
 * Team audit logs: `GET /api/v1/team/audit-logs/`, `GET /api/v1/team/members/{member_id}/audit-logs/`
 * and `GET /api/v1/team/audit-logs.csv`. Published: the paths, that lists are paginated and filtered
 * by a time range, that the CSV filters by member_id and a timestamp range. INFERRED: the entry's
 * fields, the filter parameter names, the action names and filter, the cursor list shape, the CSV
 * columns.
 */
import { z } from "zod";
import { AUDIT_ACTIONS } from "./audit-terms";
import { cursorList, IsoDateTime } from "./common";

// The audit page offers the action names at first load, so they live without zod.
export * from "./audit-terms";

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
