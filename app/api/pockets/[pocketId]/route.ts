import { z } from "zod";
import { UpdatePocketRequest } from "@/lib/jiko/pockets";
import { guarded, parse, readJson } from "@/server/api/guard";

type Params = { pocketId: string };
const pocketId = (p: Params) => parse(z.uuid(), p.pocketId);

// GET /api/pockets/:pocketId: one pocket with its holdings.
export const GET = guarded<Params>("overview:view", async ({ params, viewer }) =>
  Response.json(await viewer.jiko.pocket(pocketId(params))),
);

// PATCH /api/pockets/:pocketId: rename, change strategies, or close.
export const PATCH = guarded<Params>("pockets:manage", async ({ req, params, viewer }) =>
  Response.json(
    await viewer.jiko.updatePocket(pocketId(params), await readJson(req, UpdatePocketRequest)),
  ),
);
