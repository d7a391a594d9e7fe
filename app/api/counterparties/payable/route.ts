import { guarded } from "@/server/api/guard";
import { payablePayees } from "@/server/transfers/new-transfer";

// GET /api/counterparties/payable: the payees money may go to (PAYABLE_STATUSES).
export const GET = guarded("transfers:view", async ({ viewer }) =>
  Response.json(await payablePayees(viewer)),
);
