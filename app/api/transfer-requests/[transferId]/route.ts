import { guarded } from "@/server/api/guard";

type Params = { transferId: string };

// GET /api/transfer-requests/:id
export const GET = guarded<Params>("transfers:view", async ({ params, viewer }) =>
  Response.json(await viewer.jiko.transferRequest(params.transferId)),
);

// DELETE /api/transfer-requests/:id: cancel a request while it is pending (Jiko answers 204).
export const DELETE = guarded<Params>("transfers:initiate", async ({ params, viewer }) => {
  await viewer.jiko.cancelTransferRequest(params.transferId);
  return new Response(null, { status: 204 });
});
