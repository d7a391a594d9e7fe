import { UpdateSubscriptionRequest } from "@/lib/jiko/events";
import { guarded, readJson } from "@/server/api/guard";
import { deleteSubscription, updateSubscription } from "@/server/subscriptions/manage";

type Params = { id: string };

// PATCH /api/subscriptions/:id: enable, disable or change a subscription.
export const PATCH = guarded<Params>("webhooks:manage", async ({ req, params, viewer }) =>
  Response.json(
    await updateSubscription(viewer, params.id, await readJson(req, UpdateSubscriptionRequest)),
  ),
);

// DELETE /api/subscriptions/:id: Jiko stops delivering to its URL.
export const DELETE = guarded<Params>("webhooks:manage", async ({ params, viewer }) => {
  await deleteSubscription(viewer, params.id);
  return Response.json({ deleted: params.id });
});
