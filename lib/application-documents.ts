/**
 * A submitted application as a person reads it: each status in plain words, how often its page
 * reads it again, the documents Jiko's flags ask for, and the file checks an upload passes in the
 * browser and again at the route.
 */
import {
  type ApplicationStatus,
  type BusinessApplication,
  DOCUMENT_FLAGS,
  type DocumentFlag,
} from "./jiko/applications";
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_MAX_BYTES, type DocumentType } from "./jiko/company";

export const STATUS_WORDS: Record<
  ApplicationStatus,
  { label: string; tone: "neutral" | "brand" | "warning" | "danger"; text: string }
> = {
  CREATED: { label: "Draft", tone: "neutral", text: "Not sent yet: finish it and apply." },
  SUBMITTED: {
    label: "Submitted",
    tone: "neutral",
    text: "Jiko has the application and is checking it. This usually takes a moment.",
  },
  DOCUMENTS_NEEDED: {
    label: "Documents needed",
    tone: "warning",
    text: "Jiko needs a few documents before it can decide. Upload each one below, then apply again.",
  },
  PENDING: {
    label: "Ready to re-apply",
    tone: "brand",
    text: "Every document Jiko asked for is in. Apply again so Jiko can finish its review.",
  },
  MANUAL_REVIEW: {
    label: "In manual review",
    tone: "warning",
    text: "A person at Jiko is reviewing the application. Nothing is needed from you; this page updates when they decide.",
  },
  APPROVED: {
    label: "Approved",
    tone: "brand",
    text: "Jiko approved the application: the new entity is open and you are its first admin.",
  },
  REJECTED: {
    label: "Rejected",
    tone: "danger",
    text: "Jiko could not approve this application. Contact Jiko's support to learn why.",
  },
};

export const FINAL_STATUSES: readonly ApplicationStatus[] = ["APPROVED", "REJECTED"];

/**
 * How often the status page reads the application again (false: it waits for the person). A
 * submitted application is decided within moments; a manual review takes people, so minutes.
 */
export function refetchIntervalFor(status: ApplicationStatus | undefined): number | false {
  if (status === "SUBMITTED") return 1_500;
  if (status === "MANUAL_REVIEW") return 30_000;
  return false;
}

export const DOCUMENT_LABELS: Partial<Record<DocumentType, { label: string; hint: string }>> = {
  SELFIE: { label: "Selfie", hint: "A clear photo of the person's face." },
  ID_FRONT: { label: "Government ID (front)", hint: "Driver's license or state ID." },
  ID_BACK: { label: "Government ID (back)", hint: "The back of the same ID." },
  PASSPORT: { label: "Passport", hint: "The photo page." },
  IDENTIFICATION_NUMBER_VERIFICATION: {
    label: "Tax number proof",
    hint: "An IRS letter (SS-4 or 147C) or a Social Security card.",
  },
  ADDRESS_VERIFICATION: {
    label: "Proof of address",
    hint: "A utility bill or bank statement from the last 3 months.",
  },
};

export const FLAG_REASONS: Record<DocumentFlag, string> = {
  id_verification_documents_needed: "Identity",
  identification_number_verification_document_needed: "Tax identification number",
  address_verification_document_needed: "Address",
};

const FLAG_OF: Partial<Record<DocumentType, DocumentFlag>> = {
  SELFIE: "id_verification_documents_needed",
  ID_FRONT: "id_verification_documents_needed",
  ID_BACK: "id_verification_documents_needed",
  PASSPORT: "id_verification_documents_needed",
  IDENTIFICATION_NUMBER_VERIFICATION: "identification_number_verification_document_needed",
  ADDRESS_VERIFICATION: "address_verification_document_needed",
};

/** The guide's documents per flag: a selfie and both sides of an ID (or a passport); one else. */
function typesForFlag(flag: DocumentFlag, uploaded: ReadonlySet<DocumentType>): DocumentType[] {
  if (flag === "id_verification_documents_needed") {
    const ids: DocumentType[] = uploaded.has("PASSPORT") ? [] : ["ID_FRONT", "ID_BACK"];
    return ["SELFIE" as const, ...ids].filter((t) => !uploaded.has(t));
  }
  if (flag === "identification_number_verification_document_needed")
    return uploaded.has("IDENTIFICATION_NUMBER_VERIFICATION")
      ? []
      : ["IDENTIFICATION_NUMBER_VERIFICATION"];
  return uploaded.has("ADDRESS_VERIFICATION") ? [] : ["ADDRESS_VERIFICATION"];
}

export interface AskedDocument {
  type: DocumentType;
  label: string;
  hint: string;
  /** What the document proves (the flag that asked for it). */
  reason: string;
}

/**
 * The uploads still asked for: Jiko's PENDING_UPLOAD entries and what its raised flags call for,
 * less what was already uploaded, in a stable order.
 */
export function documentsAsked(app: BusinessApplication): {
  needed: AskedDocument[];
  uploaded: BusinessApplication["documents"];
} {
  const uploaded = app.documents.filter((d) => d.status !== "PENDING_UPLOAD");
  const have = new Set(uploaded.map((d) => d.type));
  const types = new Set<DocumentType>(
    app.documents.filter((d) => d.status === "PENDING_UPLOAD").map((d) => d.type),
  );
  for (const flag of DOCUMENT_FLAGS)
    if (app[flag]) for (const t of typesForFlag(flag, have)) types.add(t);
  const needed = [...types]
    .filter((t) => !have.has(t))
    .map((type) => {
      const words = DOCUMENT_LABELS[type] ?? {
        label: type.replaceAll("_", " ").toLowerCase(),
        hint: "",
      };
      const flag = FLAG_OF[type];
      return { type, ...words, reason: flag ? FLAG_REASONS[flag] : "Other" };
    });
  return { needed, uploaded };
}

/** Re-apply is offered once Jiko has every document (PENDING). */
export const canApply = (status: ApplicationStatus) => status === "CREATED" || status === "PENDING";

export const ACCEPTED_FILES = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

/** A file's problem before upload, or null: PDF, PNG or JPEG, not empty, at most 5 MB. */
export function fileProblem(file: { type: string; size: number }): string | null {
  if (!(DOCUMENT_CONTENT_TYPES as readonly string[]).includes(file.type))
    return "Choose a PDF, PNG or JPEG file.";
  if (file.size === 0) return "This file is empty.";
  if (file.size > DOCUMENT_MAX_BYTES)
    return `This file is over ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB: choose a smaller one.`;
  return null;
}

/** The type a file's first bytes say it is: the company documents' own check. */
export { sniffContentType } from "./company-files";
