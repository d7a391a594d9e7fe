/**
 * The company behind a team: its profile update, beneficial owners, agreements and documents
 * (Customer API "Customer" and "Agreements" groups, "Documents V2").
 *
 * Documented: `GET /api/v1/customer/beneficial-owners/` answers a ListBeneficialOwnersResponse of
 * BusinessIndividual objects whose identification numbers are masked; `GET /api/v1/agreements/`
 * answers one Agreement `{version, release_date, documents[{title, pdf_download_url, type,
 * category}]}`; `POST /api/v1/documents/{document_type}/` takes the raw file with Content-Type and
 * Content-Length and returns the new `document_id`; Document `{id, type, status,
 * exception_reason, name}` with the statuses below. Every other shape is marked INFERRED.
 */
import { z } from "zod";
import { cursorList, IsoDateTime } from "./common";
import { DOCUMENT_CONTENT_TYPES } from "./company-terms";
import { Address } from "./customer";

// The company page checks chosen files by the file rules at first load: they live without zod.
export * from "./company-terms";

// --- Customer profile update -------------------------------------------------------------------

/**
 * INFERRED: `PATCH /api/v1/customer/` (scope customer.write). Jiko documents a "customer change
 * request" backed by uploaded documents but no update body; contact details are what a customer
 * changes alone, so only these three may change.
 */
export const UpdateCustomerRequest = z.strictObject({
  email: z.email().optional(),
  phone_number: z
    .string()
    .regex(/^\+?[0-9]{7,15}$/, "Value error, phone_number must be 7 to 15 digits")
    .optional(),
  address: Address.optional(),
});
export type UpdateCustomerRequest = z.infer<typeof UpdateCustomerRequest>;

/**
 * INFERRED: the fields that identify the customer and never change through the API (a change
 * needs a customer change request with documents). Sending one is a 422 naming it.
 */
export const IMMUTABLE_CUSTOMER_FIELDS = [
  "type",
  "name",
  "identification_number",
  "date_of_birth",
  "account_status",
] as const;

// --- Beneficial owners -------------------------------------------------------------------------

/** Partner model's related-party roles. */
export const BusinessIndividualRole = z.enum(["CONTROL_PERSON", "AUTHORIZED_REPRESENTATIVE"]);

export const PersonName = z.object({
  first_name: z.string().min(1),
  middle_name: z.string().nullable().optional(),
  last_name: z.string().min(1),
});

/**
 * BusinessIndividual (Partner model fields). INFERRED mask format: every digit but the last four
 * replaced by `*` (Jiko says "masked" without showing one).
 */
export const BusinessIndividual = z.object({
  id: z.uuid(),
  title: z.string().nullable(),
  name: PersonName,
  address: Address,
  date_of_birth: z.iso.date(),
  identification_number: z.string().regex(/^\*+[0-9]{4}$/),
  phone_number: z.string().nullable(),
  email: z.email().nullable(),
  roles: z.array(BusinessIndividualRole),
  ownership_percentage: z.string().nullable(),
  citizenship: z.string().length(2).nullable(),
  object_type: z.literal("BusinessIndividual"),
});
export type BusinessIndividual = z.infer<typeof BusinessIndividual>;

/** INFERRED shape: like ListPortalsResponse `{count, portals, object_type: "List"}`. */
export const ListBeneficialOwnersResponse = z.object({
  count: z.number().int(),
  beneficial_owners: z.array(BusinessIndividual),
  object_type: z.literal("List"),
});
export type ListBeneficialOwnersResponse = z.infer<typeof ListBeneficialOwnersResponse>;

/** Masks an identification number to its last four digits. */
export function maskIdentification(raw: string): string {
  const digits = raw.replace(/\D/g, "");
  return `${"*".repeat(Math.max(digits.length - 4, 1))}${digits.slice(-4)}`;
}

// --- Agreements --------------------------------------------------------------------------------

export const AgreementCategory = z.enum(["BANK", "BROKERAGE", "GENERAL", "E-SIGN"]);
export const AgreementType = z.enum([
  "PRIVACY_POLICY",
  "PRIVACY_NOTICE",
  "BUSINESS_CONTINUITY_PLAN",
  "FINANCIAL_STATEMENT",
  "US_TREASURIES_RISK",
  "ELECTRONIC_COMMUNICATIONS",
  "TAX_CERTIFICATION_FOR_US_PERSON",
  "BANK_ACCOUNT",
  "LIMITATIONS",
  "BROKERAGE",
  "CARD",
  "CASHBACK",
  "FORM_CRS",
  "AUTHORIZED_REPRESENTATIVE_CERTIFICATION",
  "TERMS_OF_USE",
  "ELECTRONIC_FUND_TRANSFERS",
  "TRUTH_IN_SAVINGS",
  "FEE_NOTICE",
  "FUNDS_AVAILABILITY",
  "REGULATION_E",
]);

export const AgreementDocument = z.object({
  title: z.string(),
  pdf_download_url: z.url(),
  type: AgreementType,
  category: AgreementCategory,
});

export const Agreement = z.object({
  version: z.string(),
  release_date: z.iso.date(),
  documents: z.array(AgreementDocument),
});
export type Agreement = z.infer<typeof Agreement>;

/**
 * INFERRED: `POST /api/v1/agreements/acknowledgements/` (scope customer.write: there is no
 * agreements.write scope) records the customer's consent to a version, which must be the current
 * one; `GET` on the same path (agreements.read) lists them, newest first. Jiko's guides only ask
 * partners to note the version and a consent timestamp.
 */
export const AcknowledgeAgreementRequest = z.strictObject({ version: z.string().min(1) });

export const AgreementAcknowledgement = z.object({
  id: z.uuid(),
  version: z.string(),
  acknowledged_at: IsoDateTime,
  acknowledged_by: z.object({ member_id: z.uuid().nullable(), name: z.string() }),
  object_type: z.literal("AgreementAcknowledgement"),
});
export type AgreementAcknowledgement = z.infer<typeof AgreementAcknowledgement>;
export const AgreementAcknowledgementList = cursorList(AgreementAcknowledgement);

// --- Documents ---------------------------------------------------------------------------------

export const DocumentType = z.enum([
  "ID_FRONT",
  "ID_BACK",
  "SELFIE",
  "PASSPORT",
  "IDENTIFICATION_NUMBER_VERIFICATION",
  "ADDRESS_VERIFICATION",
  "EIN_CONFIRMATION",
  "OPERATING_AGREEMENT",
  "ARTICLES_OF_INCORPORATION",
  "BYLAWS",
  "BANK_STATEMENTS_1",
  "BANK_STATEMENTS_2",
  "BANK_STATEMENTS_3",
  "WIRE_COUNTERPARTY_VERIFICATION",
  "OTHER",
]);
export type DocumentType = z.infer<typeof DocumentType>;

export const DocumentStatus = z.enum(["PENDING_UPLOAD", "PENDING_REVIEW", "APPROVED", "INVALID"]);

/** A document file's declared type (the file rules are in ./company-terms.ts). */
export const DocumentContentType = z.enum(DOCUMENT_CONTENT_TYPES);
export type DocumentContentType = z.infer<typeof DocumentContentType>;

/** Documented: `{success, document_id}` (Partner), "returns the document's new document_id". */
export const UploadDocumentResponse = z.object({
  success: z.boolean(),
  document_id: z.uuid(),
});
export type UploadDocumentResponse = z.infer<typeof UploadDocumentResponse>;

/** Document as documented, plus INFERRED file facts (content_type, size_bytes, created_at). */
export const Document = z.object({
  id: z.uuid(),
  type: DocumentType,
  status: DocumentStatus,
  exception_reason: z.string().nullable(),
  name: z.string().nullable(),
  content_type: DocumentContentType.nullable(),
  size_bytes: z.number().int().nullable(),
  created_at: IsoDateTime.nullable(),
  object_type: z.literal("Document"),
});
export type Document = z.infer<typeof Document>;

/**
 * INFERRED: `GET /api/v1/documents/` (customer.read) lists the customer's uploads as a cursor
 * list, newest first; `GET /api/v1/documents/{document_id}/download/` answers 307 to a signed
 * link valid 10 minutes, like trade confirmations.
 */
export const DocumentList = cursorList(Document);
export type DocumentList = z.infer<typeof DocumentList>;
export const DocumentListQuery = z.object({
  type: DocumentType.optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
