/**
 * What the pocket routes answer, checked in the browser. The hooks load this module with the
 * first answer they ask for (lib/api-client.ts), so zod stays out of the pages' first load.
 */
import { z } from "zod";
import { Portal } from "@/lib/jiko/portals";

export { Pocket, PocketList } from "@/lib/jiko/pockets";
export { TradingStrategies } from "@/lib/jiko/strategies";
export { PocketEarnings } from "@/lib/pocket-schemas";

export const MaskedPortals = z.object({
  items: z.array(Portal.extend({ account_number: z.string(), revealed: z.boolean() })),
});
