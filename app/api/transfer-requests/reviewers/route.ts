import { guarded } from "@/server/api/guard";
import { reviewersFor } from "@/server/transfers/new-transfer";

// GET /api/transfer-requests/reviewers: who may review a request I make (never me).
export const GET = guarded("transfers:initiate", async ({ viewer }) =>
  Response.json(await reviewersFor(viewer)),
);
