import { availableOf } from "@/lib/transfers/available";
import { guarded } from "@/server/api/guard";
import { allPockets } from "@/server/pockets/all-pockets";
import { allTransferRequests } from "@/server/transfers/lists";

// GET /api/pockets/available: each open pocket's value, pending outgoing requests and available.
export const GET = guarded("transfers:view", async ({ viewer }) => {
  const [pockets, pending] = await Promise.all([
    allPockets(viewer.jiko),
    allTransferRequests(viewer.jiko, { status: "PENDING" }),
  ]);
  const items = pockets
    .filter((p) => p.status === "OPEN")
    .map((p) => ({ ...availableOf(p, pending), pocketName: p.pocket_name }));
  return Response.json({ items });
});
