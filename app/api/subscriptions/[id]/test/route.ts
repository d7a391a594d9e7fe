import { guarded } from "@/server/api/guard";
import { sendTestEvent } from "@/server/subscriptions/manage";

type Params = { id: string };

// POST /api/subscriptions/:id/test: Jiko's sandbox sends a webhooks.test event through it.
export const POST = guarded<Params>("webhooks:manage", async ({ params, viewer }) =>
  Response.json(await sendTestEvent(viewer, params.id), { status: 202 }),
);
