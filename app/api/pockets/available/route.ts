import { guarded } from "@/server/api/guard";
import { availableToSend } from "@/server/transfers/new-transfer";

// GET /api/pockets/available: each open pocket's value, pending outgoing requests and available.
export const GET = guarded("transfers:view", async ({ viewer }) =>
  Response.json(await availableToSend(viewer)),
);
