import { guarded } from "@/server/api/guard";
import { buildOverview } from "@/server/pockets/overview";

// GET /api/overview: totals, earnings, maturities and forecast across the customer's pockets.
export const GET = guarded("overview:view", async ({ viewer }) =>
  Response.json(await buildOverview(viewer.jiko)),
);
