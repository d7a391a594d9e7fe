/**
 * Business Applications ("Business Applications V2" in Jiko's reference, paths not published),
 * modelled on the Partner API's applications guide: an application spawns a customer once
 * approved; statuses, the three document flags, document upload by type, Apply to submit and to
 * re-submit. Unlike individual applications (complete at creation), a business application is a
 * draft that may be filled in over several updates before Apply — the guide says so.
 */
import { z } from "zod";
import { cursorList, IsoDateTime } from "./common";
import {
  BusinessIndividual,
  BusinessIndividualRole,
  Document,
  type DocumentType,
  PersonName,
} from "./company";
import { Address } from "./customer";

/** Documented statuses and their meaning (guide's table). */
export const ApplicationStatus = z.enum([
  "CREATED",
  "SUBMITTED",
  "DOCUMENTS_NEEDED",
  "PENDING",
  "MANUAL_REVIEW",
  "APPROVED",
  "REJECTED",
]);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** Documented flags (the guide's names). */
export const DOCUMENT_FLAGS = [
  "id_verification_documents_needed",
  "identification_number_verification_document_needed",
  "address_verification_document_needed",
] as const;
export type DocumentFlag = (typeof DOCUMENT_FLAGS)[number];
export type DocumentFlags = Record<DocumentFlag, boolean>;

/** INFERRED paths: Jiko's style (v1, trailing slash), the individual guide's shape under a business noun. */
export const APPLICATION_PATHS = {
  // INFERRED: "business-applications" keeps the Partner API's `/applications/` free for individuals.
  list: "/api/v1/business-applications/",
  one: (id: string) => `/api/v1/business-applications/${id}/`,
  // Documented for individual applications: POST …/{application_id}/apply/.
  apply: (id: string) => `/api/v1/business-applications/${id}/apply/`,
  // Documented for individual applications: POST …/{application_id}/documents/{document_type}/file/.
  documentFile: (id: string, type: DocumentType) =>
    `/api/v1/business-applications/${id}/documents/${type}/file/`,
} as const;

/** US numbers: an EIN `12-3456789`, an SSN `123-45-6789` (dashes optional). */
const Ein = z.string().regex(/^\d{2}-?\d{7}$/, "Value error, an EIN has 9 digits (12-3456789)");
const Ssn = z.string().regex(/^\d{3}-?\d{2}-?\d{4}$/, "Value error, an SSN has 9 digits");

/** Documented consent attachment: the agreement version shown and when it was accepted. */
export const AgreementConsent = z.object({ version: z.string().min(1), timestamp: IsoDateTime });

/** A beneficial owner as submitted (BusinessIndividual fields, full SSN). */
export const ApplicationOwnerInput = z.strictObject({
  name: PersonName,
  title: z.string().nullable().optional(),
  date_of_birth: z.iso.date(),
  identification_number: Ssn,
  email: z.email().nullable().optional(),
  phone_number: z.string().nullable().optional(),
  address: Address,
  roles: z.array(BusinessIndividualRole).default([]),
  ownership_percentage: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?$/)
    .nullable()
    .optional(),
  citizenship: z.string().length(2).nullable().optional(),
});
export type ApplicationOwnerInput = z.infer<typeof ApplicationOwnerInput>;

/**
 * INFERRED body of create and update (`POST` the list, `PATCH` one while CREATED): every field
 * optional; an update replaces the fields it names (owners as a whole list).
 */
export const BusinessApplicationDraft = z.strictObject({
  business_name: z.string().min(1).max(200).optional(),
  identification_number: Ein.optional(),
  email: z.email().optional(),
  phone_number: z
    .string()
    .regex(/^\+?[0-9]{7,15}$/)
    .optional(),
  address: Address.optional(),
  agreement_consent: AgreementConsent.optional(),
  beneficial_owners: z.array(ApplicationOwnerInput).max(10).optional(),
});
export type BusinessApplicationDraft = z.infer<typeof BusinessApplicationDraft>;

/** What Apply requires of a draft (INFERRED: the fields a BUSINESS customer is made of). */
export const REQUIRED_TO_APPLY = [
  "business_name",
  "identification_number",
  "email",
  "phone_number",
  "address",
  "agreement_consent",
  "beneficial_owners",
] as const;

/** INFERRED response; owners' identification numbers masked as on the customer's owners list. */
export const BusinessApplication = z.object({
  id: z.uuid(),
  status: ApplicationStatus,
  business_name: z.string().nullable(),
  identification_number: z.string().nullable(),
  email: z.string().nullable(),
  phone_number: z.string().nullable(),
  address: Address.nullable(),
  agreement_consent: AgreementConsent.nullable(),
  beneficial_owners: z.array(BusinessIndividual),
  id_verification_documents_needed: z.boolean(),
  identification_number_verification_document_needed: z.boolean(),
  address_verification_document_needed: z.boolean(),
  /** Documented: uploads, and PENDING_UPLOAD entries for what the flags still ask for. */
  documents: z.array(Document),
  /** Documented: set once APPROVED. */
  customer_id: z.uuid().nullable(),
  /** INFERRED: the team created with the customer, the applicant its first ADMIN. */
  team_id: z.uuid().nullable(),
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
  submitted_at: IsoDateTime.nullable(),
  object_type: z.literal("BusinessApplication"),
});
export type BusinessApplication = z.infer<typeof BusinessApplication>;

/** INFERRED: the signed-in person's own applications, a cursor list, newest first. */
export const BusinessApplicationList = cursorList(BusinessApplication);
export type BusinessApplicationList = z.infer<typeof BusinessApplicationList>;
export const BusinessApplicationListQuery = z.object({
  status: ApplicationStatus.optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
