/**
 * The company behind the team: profile update, beneficial owners, agreements (current version,
 * PDFs, acknowledgement) and documents (upload, list, download). Contract: lib/jiko/company.ts.
 */
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { z } from "zod";
import {
  AcknowledgeAgreementRequest,
  Agreement,
  AgreementAcknowledgement,
  AgreementAcknowledgementList,
  BusinessIndividual,
  type Document,
  DocumentList,
  DocumentListQuery,
  DocumentType,
  IMMUTABLE_CUSTOMER_FIELDS,
  ListBeneficialOwnersResponse,
  maskIdentification,
  UpdateCustomerRequest,
  UploadDocumentResponse,
} from "../../lib/jiko/company";
import { recordAudit } from "../audit";
import { agreementDocId, currentAgreement } from "../company/agreements";
import { readUpload } from "../company/files";
import type { SandboxDb } from "../db/open";
import {
  agreementAcknowledgements,
  beneficialOwners,
  companyDocuments,
  customers,
} from "../db/schema";
import { signDocument } from "../documents/signed-url";
import { decodeCursor, timestampPage } from "../http/cursor";
import { auditActor, customerOfTeam } from "../pocket-admin";
import { TeamRuleError } from "../team-admin";
import type { Principal } from "./auth";
import { customer } from "./identity";
import { clockOf } from "./pockets";
import { body, parse, RequestInvalid } from "./team";

const origin = (c: Context) => new URL(c.req.url).origin;

/** Company changes are an admin's (INFERRED: Jiko says only that admins manage the team). */
function assertCompanyAdmin(p: Principal) {
  if (p.member && p.member.role !== "ADMIN") {
    throw new TeamRuleError(403, "Only team admins can change the company's details.");
  }
}

function cursorOf(raw: string | undefined) {
  if (!raw) return undefined;
  const cursor = decodeCursor(raw, (x) => !Number.isNaN(Date.parse(x)));
  if (!cursor) {
    throw new RequestInvalid([
      { loc: ["query", "cursor"], msg: "Invalid cursor", type: "value_error", input: raw },
    ]);
  }
  return cursor;
}

// --- Customer profile --------------------------------------------------------------------------

const CONTACT = (row: typeof customers.$inferSelect) => ({
  email: row.email,
  phone_number: row.phoneNumber,
  address: row.address,
});

/** `PATCH /api/v1/customer/` (INFERRED path): contact details only; identity fields are frozen. */
export async function patchCustomer(db: SandboxDb, p: Principal, c: Context) {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    raw = undefined;
  }
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const frozen = IMMUTABLE_CUSTOMER_FIELDS.filter((k) => k in raw);
    if (frozen.length) {
      throw new RequestInvalid(
        frozen.map((k) => ({
          loc: ["body", k],
          msg: "Field is frozen: send a customer change request with supporting documents",
          type: "frozen_field",
          input: (raw as Record<string, unknown>)[k],
        })),
      );
    }
  }
  const req = await body(c, UpdateCustomerRequest);
  assertCompanyAdmin(p);
  const customerId = await customerOfTeam(db, p.teamId);
  const now = await clockOf(c).now();
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(customers).where(eq(customers.id, customerId));
    if (!before) throw new TeamRuleError(404, "Not Found");
    const [after] = await tx
      .update(customers)
      .set({
        ...(req.email !== undefined && { email: req.email }),
        ...(req.phone_number !== undefined && { phoneNumber: req.phone_number }),
        ...(req.address !== undefined && { address: req.address }),
      })
      .where(eq(customers.id, customerId))
      .returning();
    await recordAudit(tx, {
      teamId: p.teamId,
      actor: auditActor(p),
      action: "customer.updated",
      targetType: "customer",
      targetId: customerId,
      before: CONTACT(before),
      after: CONTACT(after!),
      at: now,
    });
  });
  return customer(db, p);
}

// --- Beneficial owners -------------------------------------------------------------------------

export function ownerOut(id: string, d: Record<string, unknown>): BusinessIndividual {
  return BusinessIndividual.parse({
    id,
    title: d.title ?? null,
    name: d.name,
    address: d.address,
    date_of_birth: d.date_of_birth,
    identification_number: maskIdentification(String(d.identification_number)),
    phone_number: d.phone_number ?? null,
    email: d.email ?? null,
    roles: d.roles ?? [],
    ownership_percentage: d.ownership_percentage ?? null,
    citizenship: d.citizenship ?? null,
    object_type: "BusinessIndividual",
  });
}

export async function listBeneficialOwners(db: SandboxDb, p: Principal) {
  const customerId = await customerOfTeam(db, p.teamId);
  const rows = await db
    .select()
    .from(beneficialOwners)
    .where(eq(beneficialOwners.customerId, customerId))
    .orderBy(beneficialOwners.seq);
  const items = rows.map((r) => ownerOut(r.id, r.data));
  return ListBeneficialOwnersResponse.parse({
    count: items.length,
    beneficial_owners: items,
    object_type: "List",
  });
}

// --- Agreements --------------------------------------------------------------------------------

export async function getAgreements(_db: SandboxDb, _p: Principal, c: Context) {
  const v = currentAgreement(await clockOf(c).today());
  const now = Date.now();
  return Agreement.parse({
    version: v.version,
    release_date: v.releaseDate,
    documents: v.documents.map((d) => ({
      title: d.title,
      type: d.type,
      category: d.category,
      pdf_download_url: `${origin(c)}/_sandbox/files/${signDocument(
        { kind: "agreement", id: agreementDocId(v.version, d.type) },
        now,
      )}`,
    })),
  });
}

type AckRow = typeof agreementAcknowledgements.$inferSelect;
const ackOut = (r: AckRow) =>
  AgreementAcknowledgement.parse({
    id: r.id,
    version: r.version,
    acknowledged_at: r.acknowledgedAt.toISOString(),
    acknowledged_by: { member_id: r.memberId, name: r.actorName },
    object_type: "AgreementAcknowledgement",
  });

/** Consent to the current version: 201 once, then 200 with the same acknowledgement. */
export async function acknowledgeAgreement(db: SandboxDb, p: Principal, c: Context) {
  const req = await body(c, AcknowledgeAgreementRequest);
  const clock = clockOf(c);
  const current = currentAgreement(await clock.today());
  if (req.version !== current.version) {
    throw new RequestInvalid([
      {
        loc: ["body", "version"],
        msg: `Value error, only the current version (${current.version}) can be acknowledged`,
        type: "value_error",
        input: req.version,
      },
    ]);
  }
  assertCompanyAdmin(p);
  const customerId = await customerOfTeam(db, p.teamId);
  const [existing] = await db
    .select()
    .from(agreementAcknowledgements)
    .where(
      and(
        eq(agreementAcknowledgements.customerId, customerId),
        eq(agreementAcknowledgements.version, req.version),
      ),
    );
  if (existing) return c.json(ackOut(existing), 200);
  const actor = auditActor(p);
  const now = await clock.now();
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(agreementAcknowledgements)
      .values({
        id: crypto.randomUUID(),
        customerId,
        version: req.version,
        memberId: actor.memberId,
        actorName: actor.name,
        acknowledgedAt: now,
      })
      .returning();
    await recordAudit(tx, {
      teamId: p.teamId,
      actor,
      action: "agreement.acknowledged",
      targetType: "agreement",
      targetId: req.version,
      before: null,
      after: { version: req.version },
      at: now,
    });
    return r!;
  });
  return c.json(ackOut(row), 201);
}

export async function listAcknowledgements(db: SandboxDb, p: Principal, c: Context) {
  const q = parse(DocumentListQuery.pick({ cursor: true, limit: true }), c.req.query(), "query");
  const customerId = await customerOfTeam(db, p.teamId);
  const page = await timestampPage({
    cursor: cursorOf(q.cursor),
    limit: q.limit ?? 30,
    order: "desc",
    filter: eq(agreementAcknowledgements.customerId, customerId),
    time: agreementAcknowledgements.acknowledgedAt,
    seq: agreementAcknowledgements.seq,
    read: (where, orderBy, n) =>
      db
        .select()
        .from(agreementAcknowledgements)
        .where(where)
        .orderBy(...orderBy)
        .limit(n),
    timeOf: (r) => r.acknowledgedAt,
  });
  return AgreementAcknowledgementList.parse({
    prev_page: page.prev_page,
    next_page: page.next_page,
    items: page.rows.map(ackOut),
    object_type: "CursorList",
  });
}

// --- Documents ---------------------------------------------------------------------------------

type DocRow = typeof companyDocuments.$inferSelect;
export const documentOut = (r: DocRow): Document => ({
  id: r.id,
  type: r.type as Document["type"],
  status: r.status as Document["status"],
  exception_reason: null,
  name: r.name,
  content_type: r.contentType as Document["content_type"],
  size_bytes: r.sizeBytes,
  created_at: r.createdAt.toISOString(),
  object_type: "Document",
});

export const documentTypeOf = (c: Context) =>
  parse(DocumentType, c.req.param("document_type"), "path");

/** `POST /api/v1/documents/{document_type}/` (documented): the raw file, answered with its id. */
export async function uploadDocument(db: SandboxDb, p: Principal, c: Context) {
  const type = documentTypeOf(c);
  const file = await readUpload(c);
  const customerId = await customerOfTeam(db, p.teamId);
  const now = await clockOf(c).now();
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(companyDocuments).values({
      id,
      customerId,
      type,
      status: "PENDING_REVIEW",
      name: file.name,
      contentType: file.contentType,
      sizeBytes: file.bytes.length,
      content: Buffer.from(file.bytes).toString("base64"),
      createdAt: now,
    });
    await recordAudit(tx, {
      teamId: p.teamId,
      actor: auditActor(p),
      action: "document.uploaded",
      targetType: "document",
      targetId: id,
      before: null,
      after: { id, type, name: file.name, content_type: file.contentType },
      at: now,
    });
  });
  return c.json(UploadDocumentResponse.parse({ success: true, document_id: id }), 201);
}

export async function listDocuments(db: SandboxDb, p: Principal, c: Context) {
  const q = parse(DocumentListQuery, c.req.query(), "query");
  const customerId = await customerOfTeam(db, p.teamId);
  const page = await timestampPage({
    cursor: cursorOf(q.cursor),
    limit: q.limit ?? 30,
    order: "desc",
    filter: and(
      eq(companyDocuments.customerId, customerId),
      q.type ? eq(companyDocuments.type, q.type) : undefined,
    ),
    time: companyDocuments.createdAt,
    seq: companyDocuments.seq,
    read: (where, orderBy, n) =>
      db
        .select()
        .from(companyDocuments)
        .where(where)
        .orderBy(...orderBy)
        .limit(n),
    timeOf: (r) => r.createdAt,
  });
  return DocumentList.parse({
    prev_page: page.prev_page,
    next_page: page.next_page,
    items: page.rows.map(documentOut),
    object_type: "CursorList",
  });
}

/** INFERRED: 307 to a signed link, valid 10 minutes (as trade confirmations). */
export async function downloadDocument(db: SandboxDb, p: Principal, c: Context) {
  const id = parse(z.uuid(), c.req.param("document_id"), "path");
  const customerId = await customerOfTeam(db, p.teamId);
  const [row] = await db
    .select({ id: companyDocuments.id })
    .from(companyDocuments)
    .where(and(eq(companyDocuments.id, id), eq(companyDocuments.customerId, customerId)));
  if (!row) throw new TeamRuleError(404, "Not Found");
  const token = signDocument({ kind: "company-document", id }, Date.now());
  return c.redirect(`${origin(c)}/_sandbox/files/${token}`, 307);
}
