import { auditFiltersToJiko, parseAuditFilters } from "@/lib/audit-filters";
import { guarded } from "@/server/api/guard";

// GET /api/audit-logs/export?member&from&to&action: Jiko's CSV for exactly these filters, streamed
// through as it arrives (never held whole in memory).
export const GET = guarded("audit:view", async ({ req, viewer }) => {
  const filters = parseAuditFilters(new URL(req.url).searchParams);
  const upstream = await viewer.jiko.auditLogsCsv(auditFiltersToJiko(filters));
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(upstream.body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
