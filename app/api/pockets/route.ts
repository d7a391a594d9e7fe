import { CreatePocketRequest } from "@/lib/jiko/pockets";
import { PageCursorQuery, pageCursorInput } from "@/lib/page-cursor";
import { guarded, parse, readJson } from "@/server/api/guard";

// GET /api/pockets?cursor: one page of the customer's pockets.
export const GET = guarded("overview:view", async ({ req, viewer }) => {
  const { cursor } = parse(PageCursorQuery, pageCursorInput(new URL(req.url).searchParams));
  return Response.json(await viewer.jiko.pockets({ cursor, limit: 100 }));
});

// POST /api/pockets: open a new pocket.
export const POST = guarded("pockets:manage", async ({ req, viewer }) =>
  Response.json(await viewer.jiko.createPocket(await readJson(req, CreatePocketRequest)), {
    status: 201,
  }),
);
