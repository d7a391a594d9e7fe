/**
 * The audit log's filters as the URL carries them, one schema read by the server page, the routes
 * and the filter bar alike (lib/audit-filters.ts holds the pure side).
 */
import { z } from "zod";
import { AuditAction } from "./jiko/audit";

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

/**
 * Reads filters from URL search params; anything malformed is dropped rather than failing the
 * page.
 */
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
