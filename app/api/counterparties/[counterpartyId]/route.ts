import { UpdateCounterpartyRequest } from "@/lib/jiko/counterparties";
import { guarded, readJson } from "@/server/api/guard";

type Params = { counterpartyId: string };

// GET /api/counterparties/:id
export const GET = guarded<Params>("transfers:view", async ({ params, viewer }) =>
  Response.json(await viewer.jiko.counterparty(params.counterpartyId)),
);

// PATCH /api/counterparties/:id {status: "UNLINKED"}: unlink a payee; its history stays.
export const PATCH = guarded<Params>("payees:manage", async ({ req, params, viewer }) => {
  await readJson(req, UpdateCounterpartyRequest);
  return Response.json(await viewer.jiko.unlinkCounterparty(params.counterpartyId));
});
