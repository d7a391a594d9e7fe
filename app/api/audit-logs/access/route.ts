import { z } from "zod";
import { ACCESS_PAGE_SIZE } from "@/lib/access-log";
import { PageCursor, pageCursorInput } from "@/lib/page-cursor";
import { listAccess } from "@/server/access-log/store";
import { guarded, parse } from "@/server/api/guard";

const Page = z.object({
  cursor: PageCursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(ACCESS_PAGE_SIZE),
});

// GET /api/audit-logs/access?cursor&limit: one page of the team's sensitive reads in the
// dashboard (reveals, exports, downloads), newest first.
export const GET = guarded("audit:view", async ({ req, viewer }) => {
  const url = new URL(req.url);
  const page = parse(Page, {
    cursor: pageCursorInput(url.searchParams).cursor,
    limit: url.searchParams.get("limit") ?? undefined,
  });
  return Response.json(await listAccess(viewer.team.id, page), {
    headers: { "cache-control": "no-store" },
  });
});
