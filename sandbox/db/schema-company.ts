/**
 * The company behind a team: beneficial owners, agreement acknowledgements, uploaded documents
 * and business applications (lib/jiko/company.ts, lib/jiko/applications.ts). Re-exported by
 * schema.ts, so drizzle-kit and the database see one schema.
 */
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** A customer's beneficial owner; the full identification number never leaves the sandbox. */
export const beneficialOwners = pgTable(
  "beneficial_owners",
  {
    id: uuid("id").primaryKey(),
    seq: serial("seq").notNull(),
    customerId: uuid("customer_id").notNull(),
    /** lib/jiko/applications.ts ApplicationOwnerInput, full identification number included. */
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index("beneficial_owners_customer_idx").on(t.customerId, t.seq)],
);

export const agreementAcknowledgements = pgTable(
  "agreement_acknowledgements",
  {
    id: uuid("id").primaryKey(),
    seq: serial("seq").notNull(),
    customerId: uuid("customer_id").notNull(),
    version: text("version").notNull(),
    memberId: uuid("member_id"),
    actorName: text("actor_name").notNull(),
    acknowledgedAt: ts("acknowledged_at").notNull(),
  },
  (t) => [index("agreement_acks_customer_idx").on(t.customerId, t.acknowledgedAt, t.seq)],
);

/** An uploaded file: a customer's document, or one of an application's (KYC/KYB). */
export const companyDocuments = pgTable(
  "company_documents",
  {
    id: uuid("id").primaryKey(),
    seq: serial("seq").notNull(),
    customerId: uuid("customer_id"),
    applicationId: uuid("application_id"),
    type: text("type").notNull(),
    status: text("status").notNull(),
    name: text("name"),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** base64 of the file (at most 5 MB). */
    content: text("content").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    index("company_documents_customer_idx").on(t.customerId, t.createdAt, t.seq),
    index("company_documents_application_idx").on(t.applicationId),
  ],
);

export const businessApplications = pgTable(
  "business_applications",
  {
    id: uuid("id").primaryKey(),
    seq: serial("seq").notNull(),
    /** The signed-in person who created it: the new team's first ADMIN. */
    applicantPersonId: uuid("applicant_person_id").notNull(),
    /** lib/jiko/applications.ts BusinessApplicationDraft, as last updated. */
    draft: jsonb("draft").$type<Record<string, unknown>>().notNull(),
    status: text("status").notNull(),
    idVerificationNeeded: boolean("id_verification_needed").notNull().default(false),
    identificationNumberNeeded: boolean("identification_number_needed").notNull().default(false),
    addressVerificationNeeded: boolean("address_verification_needed").notNull().default(false),
    /** How many times Apply was called: the second is a re-application. */
    applyCount: integer("apply_count").notNull().default(0),
    /** The decided outcome while SUBMITTED; applied on the next read. */
    pendingOutcome: text("pending_outcome"),
    customerId: uuid("customer_id"),
    teamId: uuid("team_id"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    submittedAt: ts("submitted_at"),
  },
  (t) => [index("business_applications_applicant_idx").on(t.applicantPersonId, t.createdAt, t.seq)],
);
