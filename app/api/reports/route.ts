import { PageCursorQuery, pageCursorInput } from "@/lib/page-cursor";
import { ReportRequestBody } from "@/lib/report-form-schemas";
import { guarded, parse, readJson } from "@/server/api/guard";

// GET /api/reports?cursor: the team's report requests, newest first, with their status.
export const GET = guarded("documents:view", async ({ req, viewer }) => {
  const { cursor } = parse(PageCursorQuery, pageCursorInput(new URL(req.url).searchParams));
  return Response.json(await viewer.jiko.reportRequests({ limit: 50, cursor }), {
    headers: { "cache-control": "no-store" },
  });
});

// POST /api/reports: request a report (Jiko makes it asynchronously). Dates outside 2000-01-01..today
// (New York) are refused here with 422 naming the field.
export const POST = guarded("reports:create", async ({ req, viewer }) =>
  Response.json(await viewer.jiko.createReportRequest(await readJson(req, ReportRequestBody)), {
    status: 201,
  }),
);
