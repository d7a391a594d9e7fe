/**
 * The audit log's filters as they live in the URL (shareable, bookmarkable), and their translation
 * to Jiko's query.
 */
// No zod here: the audit page draws these at first load (lib/audit-filter-schemas.ts checks them).
import type { AuditFilters } from "./audit-filter-schemas";
import { endOfDay, startOfDay } from "./dates";
import type { AuditLogQuery } from "./jiko/audit";

export type { AuditFilters } from "./audit-filter-schemas";

/** Entries per page of the audit log, on the server's first paint and the client's next pages. */
export const AUDIT_PAGE_SIZE = 50;

export function auditFiltersToSearch(f: AuditFilters): string {
  const p = new URLSearchParams();
  if (f.member) p.set("member", f.member);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  for (const a of f.action ?? []) p.append("action", a);
  return p.toString();
}

/** Days are New York business days: the range covers them whole. */
export function auditFiltersToJiko(f: AuditFilters): Omit<AuditLogQuery, "cursor" | "limit"> {
  return {
    member_id: f.member,
    timestamp_from: f.from ? startOfDay(f.from) : undefined,
    timestamp_to: f.to ? endOfDay(f.to) : undefined,
    "action[]": f.action,
  };
}
