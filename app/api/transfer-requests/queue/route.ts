import { guarded } from "@/server/api/guard";
import { buildReviewQueue } from "@/server/transfers/review-queue";

// GET /api/transfer-requests/queue: the requests awaiting my decision, with their context.
export const GET = guarded("transfers:review", async ({ viewer }) =>
  Response.json(await buildReviewQueue(viewer)),
);
