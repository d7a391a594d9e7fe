import { z } from "zod";
import { CreateTransferRequest } from "@/lib/jiko/transfers";
import { guarded, parse, readJson } from "@/server/api/guard";
import { createTransfer } from "@/server/transfers/create";
import { allTransferRequests } from "@/server/transfers/lists";

const Query = z.object({
  /** mine: what I asked for; decided: the history of decisions; all: everything. */
  view: z.enum(["mine", "decided", "all"]).default("all"),
});

// GET /api/transfer-requests?view: the team's transfer requests, newest first.
export const GET = guarded("transfers:view", async ({ req, viewer }) => {
  const { view } = parse(Query, Object.fromEntries(new URL(req.url).searchParams));
  const all = await allTransferRequests(viewer.jiko);
  const items =
    view === "mine"
      ? all.filter((r) => r.created_by.id === viewer.memberId)
      : view === "decided"
        ? all.filter((r) => r.status !== "PENDING")
        : all;
  return Response.json({ items });
});

// POST /api/transfer-requests: request a transfer; it waits for a reviewer's decision.
export const POST = guarded("transfers:initiate", async ({ req, viewer }) =>
  Response.json(await createTransfer(viewer, await readJson(req, CreateTransferRequest)), {
    status: 201,
  }),
);
