// No zod here: the transfers pages and the queue draw these at first load (lib/jiko/transfers.ts
// holds the schemas and the contract's notes, INFERRED parts included).
import type { Counterparty } from "./counterparties";
import type { Role } from "./roles";
import type { TransferSpec } from "./transfers";

export const TRANSFER_RULES = {
  initiators: ["ADMIN", "INITIATOR"] as readonly Role[],
  reviewers: ["ADMIN", "REVIEWER"] as readonly Role[],
  approvalsNeeded: 1,
  expiresAfterHours: 72,
} as const;

export const TRANSFER_TYPES = ["ON_US", "WIRE", "USDC"] as const;

export const TRANSFER_REQUEST_STATUSES = [
  "PENDING",
  "APPROVED",
  "DENIED",
  "CANCELED",
  "EXPIRED",
] as const;

/**
 * The payees a transfer request can pay: a wire or international wire payee by WIRE, a JikoNet
 * payee by ON_US. An ACH payee only pulls money by debit (transfer requests have no ACH type).
 */
export const PAYABLE_TYPES: readonly Counterparty["type"][] = [
  "wire",
  "international_wire",
  "on_us",
];

/** INFERRED: the New York time after which a wire goes out the next business day. */
export const WIRE_CUTOFF_NY_HOUR = 17;

export interface ExpectedSettlement {
  /** The rail as people name it. */
  rail: string;
  /** When the payee should have the money, in words relative to approval. */
  timing: string;
}

/**
 * INFERRED from the guides: on-us (JikoNet) settles in real time, 24/7; a same-entity
 * BANK_TRANSFER settles T+1 and a SECURITY_TRANSFER at once; a wire the same business day when
 * approved before the cut-off, else the next business day. USDC timing is not published.
 */
export function expectedSettlement(spec: TransferSpec): ExpectedSettlement {
  if (spec.type === "WIRE") {
    return {
      rail: "Wire",
      timing: `Same business day if approved before ${WIRE_CUTOFF_NY_HOUR - 12}:00 PM ET, else the next business day`,
    };
  }
  if (spec.type === "USDC") return { rail: "USDC", timing: "Timing not published by Jiko" };
  if (spec.details.type === "PEER_TO_PEER") {
    return { rail: "JikoNet", timing: "Instant on approval, any day" };
  }
  return spec.details.transfer_type === "SECURITY_TRANSFER"
    ? { rail: "Between own pockets (bills move)", timing: "Instant on approval" }
    : { rail: "Between own pockets", timing: "Next business day (T+1)" };
}
