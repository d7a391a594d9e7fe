import { guarded } from "@/server/api/guard";
import { liveStatus } from "@/server/subscriptions/manage";

// GET /api/subscriptions/live-status: {mode, webhookUrl}, how live updates reach this dashboard.
export const GET = guarded("webhooks:manage", async ({ viewer }) =>
  Response.json(await liveStatus(viewer.customerId)),
);
