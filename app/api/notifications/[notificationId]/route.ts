import { z } from "zod";
import { UpdateNotificationStatus } from "@/lib/jiko/events";
import { guarded, parse, readJson } from "@/server/api/guard";
import { markNotification } from "@/server/notifications/feed";

type Params = { notificationId: string };

// PATCH /api/notifications/:id {status}: mark one notification read or unread.
export const PATCH = guarded<Params>("notifications:view", async ({ req, params, viewer }) => {
  const id = parse(z.uuid(), params.notificationId);
  const { status } = await readJson(req, UpdateNotificationStatus);
  return Response.json(await markNotification(viewer.jiko, id, status));
});
