import { guarded } from "@/server/api/guard";
import { allPockets } from "@/server/pockets/all-pockets";
import { earningsSeries } from "@/server/pockets/earnings-series";

// GET /api/overview/earnings-series: earnings per month across pockets, filled over a few calls.
export const GET = guarded("overview:view", async ({ viewer }) => {
  const pockets = (await allPockets(viewer.jiko)).filter((p) => p.status !== "CLOSED");
  return Response.json(await earningsSeries(viewer.userId, viewer.jiko, pockets), {
    headers: { "cache-control": "no-store" },
  });
});
