import { z } from "zod";
import { guarded, parse } from "@/server/api/guard";
import { listEvents } from "@/server/subscriptions/manage";

const Query = z.object({ subscription_id: z.uuid(), cursor: z.string().max(500).default("") });

// GET /api/events?subscription_id&cursor: a subscription's events with every delivery attempt.
export const GET = guarded("webhooks:manage", async ({ req, viewer }) =>
  Response.json(
    await listEvents(viewer, parse(Query, Object.fromEntries(new URL(req.url).searchParams))),
  ),
);
