import { z } from "zod";
import { QUEUE_PAGE } from "@/lib/transfers/review";
import { guarded, parse } from "@/server/api/guard";
import { buildReviewQueue } from "@/server/transfers/review-queue";

const Query = z.object({
  /** How many of the oldest requests to send with their context (the rest are only counted). */
  first: z.coerce.number().int().min(1).max(2_000).default(QUEUE_PAGE),
});

// GET /api/transfer-requests/queue?first: the requests awaiting my decision, with their context.
export const GET = guarded("transfers:review", async ({ req, viewer }) => {
  const { first } = parse(Query, Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await buildReviewQueue(viewer, first));
});
