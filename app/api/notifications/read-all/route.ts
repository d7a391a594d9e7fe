import { guarded } from "@/server/api/guard";
import { markAllRead } from "@/server/notifications/feed";

// POST /api/notifications/read-all: mark the newest unread notifications read (bounded).
export const POST = guarded("notifications:view", async ({ viewer }) =>
  Response.json(await markAllRead(viewer.jiko)),
);
