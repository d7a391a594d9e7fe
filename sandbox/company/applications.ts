/**
 * Business applications, the guide's state machine: CREATED (a draft, updated at will) → Apply →
 * SUBMITTED → the prefix table's outcome (decide.ts) on the next read → DOCUMENTS_NEEDED until the
 * flagged documents arrive → PENDING → Apply again → the third-digit rule. APPROVED opens the
 * company: a BUSINESS customer, its team with the applicant as ADMIN, its owners and a first pocket.
 */
import { and, eq } from "drizzle-orm";
import {
  type BusinessApplicationDraft,
  type DocumentFlags,
  REQUIRED_TO_APPLY,
} from "../../lib/jiko/applications";
import type { DocumentType } from "../../lib/jiko/company";
import type { Principal } from "../api/auth";
import { RequestInvalid } from "../api/team";
import { recordAudit } from "../audit";
import type { SandboxDb } from "../db/open";
import {
  beneficialOwners,
  businessApplications,
  companyDocuments,
  customers,
  members,
  teams,
} from "../db/schema";
import type { Person } from "../directory";
import { createPocket } from "../pocket-admin";
import { TeamRuleError } from "../team-admin";
import { type Decision, decide } from "./decide";

export type ApplicationRow = typeof businessApplications.$inferSelect;

/** INFERRED: the first pocket of a new company, on the shortest T-bill strategy. */
export const FIRST_POCKET = { pocket_name: "Operating", trading_strategy_id: "UST-4W" } as const;

const FINAL = new Set(["APPROVED", "REJECTED"]);

export async function findApplication(db: SandboxDb, person: Person, id: string) {
  const [row] = await db
    .select()
    .from(businessApplications)
    .where(
      and(eq(businessApplications.id, id), eq(businessApplications.applicantPersonId, person.id)),
    );
  if (!row) throw new TeamRuleError(404, "Not Found");
  return row;
}

export async function createApplication(
  db: SandboxDb,
  person: Person,
  draft: BusinessApplicationDraft,
  now: Date,
) {
  const [row] = await db
    .insert(businessApplications)
    .values({
      id: crypto.randomUUID(),
      applicantPersonId: person.id,
      draft,
      status: "CREATED",
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

/** A draft changes only while CREATED; named fields replace the old ones. */
export async function updateApplication(
  db: SandboxDb,
  row: ApplicationRow,
  draft: BusinessApplicationDraft,
  now: Date,
) {
  const [updated] = await db
    .update(businessApplications)
    .set({ draft: { ...row.draft, ...draft }, updatedAt: now })
    .where(and(eq(businessApplications.id, row.id), eq(businessApplications.status, "CREATED")))
    .returning();
  if (!updated) {
    throw new TeamRuleError(
      409,
      `Only a CREATED application can be updated (this one is ${row.status}).`,
    );
  }
  return updated;
}

function missingFields(d: BusinessApplicationDraft) {
  return REQUIRED_TO_APPLY.filter((k) =>
    k === "beneficial_owners" ? !d.beneficial_owners?.length : d[k] === undefined,
  );
}

/** Apply: from CREATED (complete) or PENDING (re-application); the outcome is decided now. */
export async function applyApplication(db: SandboxDb, row: ApplicationRow, now: Date) {
  if (row.status !== "CREATED" && row.status !== "PENDING") {
    throw new TeamRuleError(
      409,
      `Apply needs a CREATED or PENDING application (this one is ${row.status}).`,
    );
  }
  const draft = row.draft as BusinessApplicationDraft;
  const missing = missingFields(draft);
  if (missing.length) {
    throw new RequestInvalid(
      missing.map((k) => ({ loc: ["application", k], msg: "Field required", type: "missing" })),
    );
  }
  const numbers = [
    draft.identification_number!,
    ...draft.beneficial_owners!.map((o) => o.identification_number),
  ];
  const decision = decide(numbers, row.status === "PENDING" ? "reapply" : "apply");
  const [updated] = await db
    .update(businessApplications)
    .set({
      status: "SUBMITTED",
      pendingOutcome: JSON.stringify(decision),
      applyCount: row.applyCount + 1,
      submittedAt: now,
      updatedAt: now,
    })
    .where(and(eq(businessApplications.id, row.id), eq(businessApplications.status, row.status)))
    .returning();
  if (!updated) throw new TeamRuleError(409, "The application changed meanwhile: read it again.");
  return updated;
}

// --- Documents and flags -----------------------------------------------------------------------

export async function uploadedTypes(db: SandboxDb, applicationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ type: companyDocuments.type })
    .from(companyDocuments)
    .where(eq(companyDocuments.applicationId, applicationId));
  return new Set(rows.map((r) => r.type));
}

/** The guide's rules: a SELFIE and (ID_FRONT and ID_BACK, or a PASSPORT); one document each else. */
export function flagsLeft(flags: DocumentFlags, uploaded: Set<string>): DocumentFlags {
  const idDone =
    uploaded.has("SELFIE") &&
    ((uploaded.has("ID_FRONT") && uploaded.has("ID_BACK")) || uploaded.has("PASSPORT"));
  return {
    id_verification_documents_needed: flags.id_verification_documents_needed && !idDone,
    identification_number_verification_document_needed:
      flags.identification_number_verification_document_needed &&
      !uploaded.has("IDENTIFICATION_NUMBER_VERIFICATION"),
    address_verification_document_needed:
      flags.address_verification_document_needed && !uploaded.has("ADDRESS_VERIFICATION"),
  };
}

/** What the flags still ask for, as PENDING_UPLOAD entries of the documents array. */
export function typesStillNeeded(flags: DocumentFlags, uploaded: Set<string>): DocumentType[] {
  const out: DocumentType[] = [];
  if (flags.id_verification_documents_needed) {
    if (!uploaded.has("SELFIE")) out.push("SELFIE");
    if (!uploaded.has("PASSPORT")) {
      for (const t of ["ID_FRONT", "ID_BACK"] as const) if (!uploaded.has(t)) out.push(t);
    }
  }
  if (flags.identification_number_verification_document_needed)
    out.push("IDENTIFICATION_NUMBER_VERIFICATION");
  if (flags.address_verification_document_needed) out.push("ADDRESS_VERIFICATION");
  return out;
}

export const flagsOf = (r: ApplicationRow): DocumentFlags => ({
  id_verification_documents_needed: r.idVerificationNeeded,
  identification_number_verification_document_needed: r.identificationNumberNeeded,
  address_verification_document_needed: r.addressVerificationNeeded,
});
const flagColumns = (f: DocumentFlags) => ({
  idVerificationNeeded: f.id_verification_documents_needed,
  identificationNumberNeeded: f.identification_number_verification_document_needed,
  addressVerificationNeeded: f.address_verification_document_needed,
});
const allClear = (f: DocumentFlags) => !Object.values(f).some(Boolean);

/** Stores an application's document; a DOCUMENTS_NEEDED application whose flags clear is PENDING. */
export async function addApplicationDocument(
  db: SandboxDb,
  row: ApplicationRow,
  file: { type: DocumentType; name: string | null; contentType: string; bytes: Uint8Array },
  now: Date,
) {
  if (FINAL.has(row.status)) {
    throw new TeamRuleError(409, `The application is ${row.status}: it takes no more documents.`);
  }
  const id = crypto.randomUUID();
  await db.insert(companyDocuments).values({
    id,
    applicationId: row.id,
    type: file.type,
    status: "PENDING_REVIEW",
    name: file.name,
    contentType: file.contentType,
    sizeBytes: file.bytes.length,
    content: Buffer.from(file.bytes).toString("base64"),
    createdAt: now,
  });
  await clearFlags(db, row.id, now);
  return id;
}

async function clearFlags(db: SandboxDb, id: string, now: Date) {
  const [row] = await db.select().from(businessApplications).where(eq(businessApplications.id, id));
  if (row?.status !== "DOCUMENTS_NEEDED") return;
  const left = flagsLeft(flagsOf(row), await uploadedTypes(db, id));
  await db
    .update(businessApplications)
    .set({ ...flagColumns(left), ...(allClear(left) && { status: "PENDING" }), updatedAt: now })
    .where(
      and(eq(businessApplications.id, id), eq(businessApplications.status, "DOCUMENTS_NEEDED")),
    );
}

// --- Review outcome ----------------------------------------------------------------------------

/**
 * A SUBMITTED application takes its decided outcome (compare-and-set: one reader wins). The
 * sandbox reviews at once; Apply itself still answers SUBMITTED, as Jiko's does.
 */
export async function settle(
  db: SandboxDb,
  row: ApplicationRow,
  o: { person: Person; principal: Principal; now: Date; today: string },
): Promise<ApplicationRow> {
  if (row.status !== "SUBMITTED" || !row.pendingOutcome) return row;
  const decision = JSON.parse(row.pendingOutcome) as Decision;
  await db.transaction(async (tx) => {
    const [won] = await tx
      .update(businessApplications)
      .set({
        status: decision.status,
        ...flagColumns(decision.flags),
        pendingOutcome: null,
        updatedAt: o.now,
      })
      .where(and(eq(businessApplications.id, row.id), eq(businessApplications.status, "SUBMITTED")))
      .returning();
    if (!won || decision.status !== "APPROVED") return;
    await openCompany(tx as unknown as SandboxDb, won, o);
  });
  await clearFlags(db, row.id, o.now);
  const [after] = await db
    .select()
    .from(businessApplications)
    .where(eq(businessApplications.id, row.id));
  return after!;
}

/** The approved company: customer, team (applicant ADMIN), owners, first pocket; all or nothing. */
async function openCompany(
  tx: SandboxDb,
  app: ApplicationRow,
  o: { person: Person; principal: Principal; now: Date; today: string },
) {
  const d = app.draft as BusinessApplicationDraft;
  const customerId = crypto.randomUUID();
  const teamId = crypto.randomUUID();
  const memberId = crypto.randomUUID();
  await tx.insert(customers).values({
    id: customerId,
    type: "BUSINESS",
    name: d.business_name!,
    email: d.email!,
    phoneNumber: d.phone_number!,
    address: d.address!,
    identification: {
      identification_number: d.identification_number!,
      issuing_country: "US",
      type: "EIN",
    },
    accountStatus: "OPEN",
    createdAt: o.now,
  });
  await tx
    .insert(teams)
    .values({ id: teamId, customerId, name: d.business_name!, createdAt: o.now });
  const [member] = await tx
    .insert(members)
    .values({
      id: memberId,
      teamId,
      personId: o.person.id,
      firstName: o.person.firstName,
      lastName: o.person.lastName,
      email: o.person.email,
      phoneNumber: o.person.phoneNumber,
      role: "ADMIN",
      status: "ACTIVE",
      createdAt: o.now,
    })
    .returning();
  await tx.insert(beneficialOwners).values(
    d.beneficial_owners!.map((owner) => ({
      id: crypto.randomUUID(),
      customerId,
      data: owner as unknown as Record<string, unknown>,
      createdAt: o.now,
    })),
  );
  await tx
    .update(businessApplications)
    .set({ customerId, teamId })
    .where(eq(businessApplications.id, app.id));
  await recordAudit(tx, {
    teamId,
    actor: null,
    action: "business_application.approved",
    targetType: "business_application",
    targetId: app.id,
    before: null,
    after: { application_id: app.id, customer_id: customerId, admin_member_id: memberId },
    at: o.now,
  });
  // The new team's first pocket, created as its admin would (savepoint inside this transaction).
  await createPocket(tx, {
    principal: { ...o.principal, teamId, member: member! },
    customerId,
    req: { ...FIRST_POCKET },
    today: o.today,
    now: o.now,
  });
}
