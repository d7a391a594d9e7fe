/** The payee filters' schema: the filter bar checks what was typed with it (./payee-filters.ts). */
import { z } from "zod";
import { CounterpartyStatus, CounterpartyType } from "./jiko/counterparties";

export const PayeeFilters = z.object({
  type: CounterpartyType.optional(),
  status: CounterpartyStatus.optional(),
  /** Unlinked payees are history: hidden unless asked for. */
  unlinked: z.boolean().optional(),
});
export type PayeeFilters = z.infer<typeof PayeeFilters>;
