import { CreatePocketRequest } from "@/lib/jiko/pockets";
import { guarded, readJson } from "@/server/api/guard";

// GET /api/pockets?cursor: one page of the customer's pockets.
export const GET = guarded("overview:view", async ({ req, viewer }) => {
  const cursor = new URL(req.url).searchParams.get("cursor") ?? undefined;
  return Response.json(await viewer.jiko.pockets({ cursor, limit: 100 }));
});

// POST /api/pockets: open a new pocket.
export const POST = guarded("pockets:manage", async ({ req, viewer }) =>
  Response.json(await viewer.jiko.createPocket(await readJson(req, CreatePocketRequest)), {
    status: 201,
  }),
);
