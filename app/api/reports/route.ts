import { CreateReportRequest } from "@/lib/jiko/reports";
import { guarded, readJson } from "@/server/api/guard";

// GET /api/reports?cursor: the team's report requests, newest first, with their status.
export const GET = guarded("documents:view", async ({ req, viewer }) =>
  Response.json(
    await viewer.jiko.reportRequests({
      limit: 50,
      cursor: new URL(req.url).searchParams.get("cursor") || undefined,
    }),
    { headers: { "cache-control": "no-store" } },
  ),
);

// POST /api/reports: request a report (Jiko makes it asynchronously).
export const POST = guarded("reports:create", async ({ req, viewer }) =>
  Response.json(await viewer.jiko.createReportRequest(await readJson(req, CreateReportRequest)), {
    status: 201,
  }),
);
