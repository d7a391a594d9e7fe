/**
 * The audit log's filters as they live in the URL (shareable, bookmarkable), one schema read by the
 * server page and the client alike, and their translation to Jiko's query.
 */
import { z } from "zod";
import { endOfDay, startOfDay } from "./dates";
import { AuditAction, type AuditLogQuery } from "./jiko/audit";

/** Entries per page of the audit log, on the server's first paint and the client's next pages. */
export const AUDIT_PAGE_SIZE = 50;

const day = z.iso.date();

export const AuditFilters = z
  .object({
    member: z.uuid().optional().catch(undefined),
    from: day.optional().catch(undefined),
    to: day.optional().catch(undefined),
    action: z
      .union([AuditAction, z.array(AuditAction)])
      .transform((a) => (Array.isArray(a) ? a : [a]))
      .optional()
      .catch(undefined),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The start date is after the end date",
    path: ["to"],
  });
export type AuditFilters = z.infer<typeof AuditFilters>;

/** Reads filters from URL search params; anything malformed is dropped rather than failing the page. */
export function parseAuditFilters(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): AuditFilters {
  const entries =
    params instanceof URLSearchParams
      ? {
          member: params.get("member") ?? undefined,
          from: params.get("from") ?? undefined,
          to: params.get("to") ?? undefined,
          action: params.getAll("action"),
        }
      : params;
  const action =
    entries.action && (Array.isArray(entries.action) ? entries.action : [entries.action]);
  const parsed = AuditFilters.safeParse({
    ...entries,
    action: action?.length ? action : undefined,
  });
  return parsed.success ? parsed.data : {};
}

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
