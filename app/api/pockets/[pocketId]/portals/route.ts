import { z } from "zod";
import { can } from "@/lib/permissions";
import { type MaskedPortal, maskAccountNumber } from "@/lib/pockets";
import { recordAccess } from "@/server/access-log/store";
import { ApiError, guarded, parse } from "@/server/api/guard";

type Params = { pocketId: string };

// GET /api/pockets/:pocketId/portals?reveal=1: routing and account numbers; account numbers
// masked unless a person whose role may reveal them asks.
export const GET = guarded<Params>("overview:view", async ({ req, params, viewer }) => {
  const reveal = new URL(req.url).searchParams.get("reveal") === "1";
  if (reveal && !can(new Set(viewer.capabilities), "accounts:reveal"))
    throw new ApiError("forbidden", "Your role does not allow revealing account numbers.");
  const pocketId = parse(z.uuid(), params.pocketId);
  const { portals } = await viewer.jiko.portals(pocketId);
  if (reveal)
    await recordAccess(viewer, "account_number.revealed", { kind: "pocket", id: pocketId });
  const items: MaskedPortal[] = portals.map((p) => ({
    ...p,
    account_number: reveal ? p.account_number : maskAccountNumber(p.account_number),
    revealed: reveal,
  }));
  return Response.json({ items }, { headers: { "cache-control": "no-store" } });
});
