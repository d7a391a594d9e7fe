import { guarded } from "@/server/api/guard";
import { awaitingCount } from "@/server/transfers/review-queue";

// GET /api/transfer-requests/awaiting-count: how many requests wait for me (the navigation's count).
export const GET = guarded("transfers:review", async ({ viewer }) =>
  Response.json({ count: await awaitingCount(viewer) }),
);
