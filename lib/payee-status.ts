/** What a payee's status means for sending money, in words (never Jiko's codes). */
import type { Counterparty } from "./jiko/counterparties";
import { PAYABLE_TYPES } from "./jiko/transfer-terms";
import { COUNTERPARTY_STATUS_LABELS, labelFor, VERIFICATION_METHOD_LABELS } from "./labels";

export type StatusTone = "brand" | "warning" | "neutral" | "danger";

export function payeeStatus(c: Pick<Counterparty, "type" | "status" | "verification_method">): {
  label: string;
  meaning: string;
  tone: StatusTone;
} {
  const label = labelFor(COUNTERPARTY_STATUS_LABELS, c.status);
  switch (c.status) {
    case "VERIFIED":
      // Transfer requests go by wire or JikoNet; an ACH payee only pulls from a pocket by debit.
      return PAYABLE_TYPES.includes(c.type)
        ? { label, meaning: "Can receive transfers", tone: "brand" }
        : {
            label,
            meaning: "Can pull from our pockets by ACH debit; transfers go by wire or JikoNet",
            tone: "brand",
          };
    case "PENDING":
      return {
        label,
        meaning: `Verification under way (${labelFor(VERIFICATION_METHOD_LABELS, c.verification_method)}); cannot be paid yet`,
        tone: "warning",
      };
    case "LINKED":
      return {
        label,
        meaning: "Can be pulled from by ACH; cannot be paid",
        tone: "neutral",
      };
    case "UNLINKED":
      return { label, meaning: "Removed; no money moves to or from it", tone: "danger" };
    default:
      return { label, meaning: "No money moves until Jiko verifies it", tone: "neutral" };
  }
}
