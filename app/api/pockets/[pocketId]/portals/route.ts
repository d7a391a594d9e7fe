import { z } from "zod";
import { can } from "@/lib/permissions";
import { recordAccess } from "@/server/access-log/store";
import { ApiError, guarded, parse } from "@/server/api/guard";
import { pocketPortals } from "@/server/pockets/portals";

type Params = { pocketId: string };

// GET /api/pockets/:pocketId/portals?reveal=1: routing and account numbers; account numbers
// masked unless a person whose role may reveal them asks.
export const GET = guarded<Params>("overview:view", async ({ req, params, viewer }) => {
  const reveal = new URL(req.url).searchParams.get("reveal") === "1";
  if (reveal && !can(new Set(viewer.capabilities), "accounts:reveal"))
    throw new ApiError("forbidden", "Your role does not allow revealing account numbers.");
  const pocketId = parse(z.uuid(), params.pocketId);
  const portals = await pocketPortals(viewer.jiko, pocketId, reveal);
  if (reveal)
    await recordAccess(viewer, "account_number.revealed", { kind: "pocket", id: pocketId });
  return Response.json(portals, { headers: { "cache-control": "no-store" } });
});
