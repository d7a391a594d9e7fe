import { CreateWebhookInput } from "@/lib/webhook-form-schemas";
import { guarded, readJson } from "@/server/api/guard";
import { createSubscription, listSubscriptions } from "@/server/subscriptions/manage";

// GET /api/subscriptions: the customer's webhook subscriptions, each marked when it delivers here.
export const GET = guarded("webhooks:manage", async ({ viewer }) =>
  Response.json(await listSubscriptions(viewer)),
);

// POST /api/subscriptions: subscribe a URL; the answer holds the shared secret, this once only.
export const POST = guarded("webhooks:manage", async ({ req, viewer }) =>
  Response.json(await createSubscription(viewer, await readJson(req, CreateWebhookInput)), {
    status: 201,
  }),
);
