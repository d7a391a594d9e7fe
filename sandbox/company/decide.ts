/**
 * The sandbox's KYC/KYB outcome after Apply, from Jiko's sandbox prefix table
 * (onboarding-individuals guide): the first digit(s) of an identification number choose the
 * status and the document flags; for numbers starting with 2, the third digit chooses what a
 * re-application (after the documents) ends in. A business application carries several numbers
 * (the EIN and each owner's SSN): each is judged alone and the worst outcome wins (INFERRED: the
 * guide covers one number).
 */
import type { ApplicationStatus, DocumentFlags } from "../../lib/jiko/applications";

export type Outcome = Extract<
  ApplicationStatus,
  "DOCUMENTS_NEEDED" | "MANUAL_REVIEW" | "APPROVED" | "REJECTED"
>;
export interface Decision {
  status: Outcome;
  flags: DocumentFlags;
}
/** "apply": the first Apply; "reapply": Apply again from PENDING, after the documents. */
export type Round = "apply" | "reapply";

const NO_FLAGS: DocumentFlags = {
  id_verification_documents_needed: false,
  identification_number_verification_document_needed: false,
  address_verification_document_needed: false,
};

/** Worst first. */
const SEVERITY: Outcome[] = ["REJECTED", "MANUAL_REVIEW", "DOCUMENTS_NEEDED", "APPROVED"];

/** The table's flags for a number starting with 2, by its second digit. */
function flagsFor(second: string | undefined): DocumentFlags {
  switch (second) {
    case "1":
      return { ...NO_FLAGS, id_verification_documents_needed: true };
    case "3":
      return { ...NO_FLAGS, address_verification_document_needed: true };
    case "4":
      return {
        ...NO_FLAGS,
        id_verification_documents_needed: true,
        identification_number_verification_document_needed: true,
      };
    default:
      // "22", and INFERRED for a bare "2" (20, 25–29) the table gives no flag for: Jiko's sandbox
      // then asks for the one document about the number that triggered it.
      return { ...NO_FLAGS, identification_number_verification_document_needed: true };
  }
}

/** One identification number, judged alone. */
export function decideOne(identificationNumber: string, round: Round): Decision {
  const digits = identificationNumber.replace(/\D/g, "");
  const first = digits[0];
  if (first === "2") {
    if (round === "reapply") {
      // "Starts with 2*1: Transitions to MANUAL_REVIEW. Otherwise: Transitions to APPROVED."
      return { status: digits[2] === "1" ? "MANUAL_REVIEW" : "APPROVED", flags: NO_FLAGS };
    }
    return { status: "DOCUMENTS_NEEDED", flags: flagsFor(digits[1]) };
  }
  if (first === "4") return { status: "APPROVED", flags: NO_FLAGS };
  if (first === "5") return { status: "REJECTED", flags: NO_FLAGS };
  // "3": MANUAL_REVIEW; "Other": MANUAL_REVIEW.
  return { status: "MANUAL_REVIEW", flags: NO_FLAGS };
}

/** Every number of an application: the worst status wins; flags of the numbers that asked. */
export function decide(identificationNumbers: readonly string[], round: Round): Decision {
  if (identificationNumbers.length === 0) throw new Error("an application has numbers to judge");
  const each = identificationNumbers.map((n) => decideOne(n, round));
  const status = SEVERITY.find((s) => each.some((d) => d.status === s)) ?? "APPROVED";
  if (status !== "DOCUMENTS_NEEDED") return { status, flags: NO_FLAGS };
  const flags = { ...NO_FLAGS };
  for (const d of each) {
    for (const k of Object.keys(flags) as (keyof DocumentFlags)[]) flags[k] ||= d.flags[k];
  }
  return { status, flags };
}
