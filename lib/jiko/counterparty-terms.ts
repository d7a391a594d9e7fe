// No zod here: the payees page draws these at first load (lib/jiko/counterparties.ts holds the
// schemas and the contract's notes, INFERRED parts included).
import type { CounterpartyStatus } from "./counterparties";
import type { Role } from "./roles";

/** INFERRED: the roles that start transfers also keep the payee list; everyone may read it. */
export const COUNTERPARTY_RULES = {
  managers: ["ADMIN", "INITIATOR"] as readonly Role[],
} as const;

export const COUNTERPARTY_TYPES = ["ach", "wire", "international_wire", "on_us"] as const;

export const COUNTERPARTY_STATUSES = ["PENDING", "VERIFIED", "LINKED", "UNLINKED"] as const;

/** Only these receive money (Jiko: "only moves money to VERIFIED counterparties"). */
export const PAYABLE_STATUSES: readonly CounterpartyStatus[] = ["VERIFIED"];
