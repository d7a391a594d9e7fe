import { z } from "zod";
import { EarningsParams } from "@/lib/pockets";
import { guarded, parse } from "@/server/api/guard";
import { pocketEarnings } from "@/server/pockets/pocket-earnings";

type Params = { pocketId: string };

// GET /api/pockets/:pocketId/earnings?period&from&to: Jiko's earnings for one period, in total
// and day by day or month by month.
export const GET = guarded<Params>("overview:view", async ({ req, params, viewer }) => {
  const q = parse(EarningsParams, Object.fromEntries(new URL(req.url).searchParams));
  const id = parse(z.uuid(), params.pocketId);
  return Response.json(await pocketEarnings(viewer.userId, viewer.jiko, id, q), {
    headers: { "cache-control": "no-store" },
  });
});
