/**
 * The company's documents: what each type and status is called, and the file checks made before
 * an upload leaves the browser and again on the server (the declared type must be PDF, PNG or
 * JPEG, at most 5 MB, and the bytes must start with that type's signature). Jiko checks again.
 */
// No zod here: the company page draws and checks with these at first load
// (lib/company-file-schemas.ts holds the upload's schemas).
import type { Document, DocumentContentType, DocumentType } from "./jiko/company";
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_MAX_BYTES } from "./jiko/company-terms";

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  ID_FRONT: "ID (front)",
  ID_BACK: "ID (back)",
  SELFIE: "Selfie",
  PASSPORT: "Passport",
  IDENTIFICATION_NUMBER_VERIFICATION: "Identification number verification",
  ADDRESS_VERIFICATION: "Proof of address",
  EIN_CONFIRMATION: "EIN confirmation",
  OPERATING_AGREEMENT: "Operating agreement",
  ARTICLES_OF_INCORPORATION: "Articles of incorporation",
  BYLAWS: "Bylaws",
  BANK_STATEMENTS_1: "Bank statement (1)",
  BANK_STATEMENTS_2: "Bank statement (2)",
  BANK_STATEMENTS_3: "Bank statement (3)",
  WIRE_COUNTERPARTY_VERIFICATION: "Wire payee verification",
  OTHER: "Other",
};

/** The types a company files about itself (a person's ID and selfie belong to onboarding). */
export const COMPANY_DOCUMENT_TYPES = [
  "EIN_CONFIRMATION",
  "ARTICLES_OF_INCORPORATION",
  "OPERATING_AGREEMENT",
  "BYLAWS",
  "ADDRESS_VERIFICATION",
  "BANK_STATEMENTS_1",
  "BANK_STATEMENTS_2",
  "BANK_STATEMENTS_3",
  "WIRE_COUNTERPARTY_VERIFICATION",
  "OTHER",
] as const satisfies readonly DocumentType[];

export const DOCUMENT_STATUS_LABELS: Record<Document["status"], string> = {
  PENDING_UPLOAD: "Awaiting the file",
  PENDING_REVIEW: "In review at Jiko",
  APPROVED: "Approved",
  INVALID: "Refused",
};

export const FILE_KIND_NAMES: Record<DocumentContentType, string> = {
  "application/pdf": "a PDF",
  "image/png": "a PNG image",
  "image/jpeg": "a JPEG image",
};

const EXTENSIONS: Record<string, DocumentContentType> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
};
export const FILE_EXTENSION: Record<DocumentContentType, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
};

/** What the file input offers to pick. */
export const DOCUMENT_ACCEPT = [...DOCUMENT_CONTENT_TYPES, ".pdf", ".png", ".jpg", ".jpeg"].join(
  ",",
);

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
export const WRONG_TYPE = "Choose a PDF, PNG or JPEG file.";

export type FileCheck =
  | { ok: true; contentType: DocumentContentType }
  | { ok: false; message: string };

/**
 * The browser's check of a chosen file, before anything is sent: its type (as the browser
 * reports it, else by its extension) and its size.
 */
export function checkChosenFile(file: { name: string; type: string; size: number }): FileCheck {
  const declared = file.type.toLowerCase();
  const byExtension = EXTENSIONS[file.name.split(".").pop()?.toLowerCase() ?? ""];
  const contentType = (DOCUMENT_CONTENT_TYPES as readonly string[]).includes(declared)
    ? (declared as DocumentContentType)
    : declared
      ? undefined
      : byExtension;
  if (!contentType) return { ok: false, message: `${file.name} is not accepted. ${WRONG_TYPE}` };
  if (file.size === 0) return { ok: false, message: `${file.name} is empty.` };
  if (file.size > DOCUMENT_MAX_BYTES) {
    return {
      ok: false,
      message: `${file.name} is ${megabytes(file.size)}; the largest file Jiko accepts is ${megabytes(DOCUMENT_MAX_BYTES)}.`,
    };
  }
  return { ok: true, contentType };
}

const SIGNATURES: Record<DocumentContentType, readonly number[]> = {
  "application/pdf": [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  "image/jpeg": [0xff, 0xd8, 0xff],
};

/** What the first bytes say the file is, whatever it was declared as. */
export function sniffContentType(head: Uint8Array): DocumentContentType | null {
  for (const type of DOCUMENT_CONTENT_TYPES) {
    if (SIGNATURES[type].every((b, i) => head[i] === b)) return type;
  }
  return null;
}

/** The server's check of the received bytes against the declared type: a message, or null. */
export function fileContentProblem(
  declared: DocumentContentType,
  bytes: Uint8Array,
): string | null {
  if (bytes.byteLength === 0) return "The file is empty.";
  if (bytes.byteLength > DOCUMENT_MAX_BYTES) {
    return `The file is ${megabytes(bytes.byteLength)}; the largest file Jiko accepts is ${megabytes(DOCUMENT_MAX_BYTES)}.`;
  }
  const actual = sniffContentType(bytes);
  if (actual === declared) return null;
  return actual
    ? `This file was sent as ${FILE_KIND_NAMES[declared]} but its content is ${FILE_KIND_NAMES[actual]}.`
    : `This file's content is not ${FILE_KIND_NAMES[declared]}. ${WRONG_TYPE}`;
}

/** How many documents one page of the list shows. */
export const DOCUMENTS_PAGE_SIZE = 20;
