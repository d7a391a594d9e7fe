import { z } from "zod";
import { EarningsParams } from "@/lib/pockets";
import { guarded, parse } from "@/server/api/guard";

type Params = { pocketId: string };

// GET /api/pockets/:pocketId/earnings?period&from&to: Jiko's earnings total for one period.
export const GET = guarded<Params>("overview:view", async ({ req, params, viewer }) => {
  const url = new URL(req.url);
  const q = parse(EarningsParams, Object.fromEntries(url.searchParams));
  return Response.json(
    await viewer.jiko.earnings(parse(z.uuid(), params.pocketId), {
      period: q.period,
      ...(q.period === "range" ? { date_from: q.from, date_to: q.to } : {}),
    }),
  );
});
