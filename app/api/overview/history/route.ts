import { guarded } from "@/server/api/guard";
import { monthlyHistory } from "@/server/pockets/monthly-history";

// GET /api/overview/history: earnings per month and month-end balances across the open pockets;
// closed months are filled in the background, and the answer says how far.
export const GET = guarded("overview:view", async ({ viewer }) =>
  Response.json(await monthlyHistory(viewer.userId, viewer.jiko), {
    headers: { "cache-control": "no-store" },
  }),
);
