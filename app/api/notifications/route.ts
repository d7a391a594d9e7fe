import { z } from "zod";
import { NotificationFilter } from "@/lib/notification-schemas";
import { guarded, parse } from "@/server/api/guard";
import { notificationFeed } from "@/server/notifications/feed";

const Query = z.object({ status: NotificationFilter.default("all") });

// GET /api/notifications?status=UNREAD|READ|all: the bell's first page and the unread count.
export const GET = guarded("notifications:view", async ({ req, viewer }) => {
  const { status } = parse(Query, Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await notificationFeed(viewer.jiko, status));
});
