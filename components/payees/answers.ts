/**
 * What the payee routes answer, checked in the browser. The hooks load this module with the first
 * answer they ask for (lib/api-client.ts), so zod stays out of the payees page's first load.
 */
import { z } from "zod";
import { Counterparty } from "@/lib/jiko/counterparties";

export { Counterparty };
export const PayeeList = z.object({ items: z.array(Counterparty) });
