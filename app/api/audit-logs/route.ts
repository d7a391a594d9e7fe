import { z } from "zod";
import { parseAuditFilters } from "@/lib/audit-filter-schemas";
import { AUDIT_PAGE_SIZE, auditFiltersToJiko } from "@/lib/audit-filters";
import { PageCursor, pageCursorInput } from "@/lib/page-cursor";
import { guarded, parse } from "@/server/api/guard";

const Page = z.object({
  cursor: PageCursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(AUDIT_PAGE_SIZE),
});

// GET /api/audit-logs?member&from&to&action&cursor: one page of the team's audit log.
export const GET = guarded("audit:view", async ({ req, viewer }) => {
  const url = new URL(req.url);
  const page = parse(Page, {
    cursor: pageCursorInput(url.searchParams).cursor,
    limit: url.searchParams.get("limit") ?? undefined,
  });
  const query = { ...auditFiltersToJiko(parseAuditFilters(url.searchParams)), ...page };
  return Response.json(await viewer.jiko.auditLogs(query), {
    headers: { "cache-control": "no-store" },
  });
});
