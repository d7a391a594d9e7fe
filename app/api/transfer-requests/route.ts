import { z } from "zod";
import { CreateTransferRequest } from "@/lib/jiko/transfers";
import { guarded, parse, readJson } from "@/server/api/guard";
import { createTransfer } from "@/server/transfers/create";
import { requestsInView } from "@/server/transfers/requests-list";

const Query = z.object({
  /** The list's view (RequestsView): mine, decided or all. */
  view: z.enum(["mine", "decided", "all"]).default("all"),
});

// GET /api/transfer-requests?view: the team's transfer requests, newest first.
export const GET = guarded("transfers:view", async ({ req, viewer }) => {
  const { view } = parse(Query, Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await requestsInView(viewer, view));
});

// POST /api/transfer-requests: request a transfer; it waits for a reviewer's decision.
export const POST = guarded("transfers:initiate", async ({ req, viewer }) =>
  Response.json(await createTransfer(viewer, await readJson(req, CreateTransferRequest)), {
    status: 201,
  }),
);
