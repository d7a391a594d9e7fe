import { parseAuditFilters } from "@/lib/audit-filter-schemas";
import { auditFiltersToJiko } from "@/lib/audit-filters";
import { recordAccess } from "@/server/access-log/store";
import { guarded } from "@/server/api/guard";
import { auditLogExport } from "@/server/downloads/exports";

// GET /api/audit-logs/export?member&from&to&action: Jiko's CSV for exactly these filters, streamed
// through the formula guard as it arrives (never held whole in memory).
export const GET = guarded("audit:view", async ({ req, viewer }) => {
  const filters = parseAuditFilters(new URL(req.url).searchParams);
  const stamp = new Date().toISOString().slice(0, 10);
  await recordAccess(viewer, "audit_log.exported");
  return auditLogExport(viewer.jiko, auditFiltersToJiko(filters), stamp);
});
