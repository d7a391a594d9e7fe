import { guarded } from "@/server/api/guard";

// GET /api/trading-strategies: the strategies a pocket may use.
export const GET = guarded("overview:view", async ({ viewer }) =>
  Response.json(await viewer.jiko.tradingStrategies()),
);
