import { z } from "zod";
import { customRange, EarningsQuery } from "@/lib/pocket-period-schemas";
import { guarded, parse } from "@/server/api/guard";
import { allTimeSpan } from "@/server/pockets/earnings-series";
import { pocketEarnings } from "@/server/pockets/pocket-earnings";

type Params = { pocketId: string };

// GET /api/pockets/:pocketId/earnings?period&from&to: Jiko's earnings for one period, in total
// and day by day or month by month. A custom range must lie between the pocket's opening day and
// today (New York): refused with 422 naming the field, rather than Jiko's bare "not valid".
export const GET = guarded<Params>("overview:view", async ({ req, params, viewer }) => {
  const q = parse(EarningsQuery, Object.fromEntries(new URL(req.url).searchParams));
  const id = parse(z.uuid(), params.pocketId);
  if (q.period === "range") {
    const opened = (await allTimeSpan(viewer.jiko, id)).date_from;
    parse(customRange(opened), { from: q.from, to: q.to });
  }
  return Response.json(await pocketEarnings(viewer.userId, viewer.jiko, id, q), {
    headers: { "cache-control": "no-store" },
  });
});
