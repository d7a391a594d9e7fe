/**
 * Business applications (INFERRED paths, lib/jiko/applications.ts): create, list, get, update a
 * draft, apply, upload a flagged document. The signed-in person is the applicant; the state
 * machine lives in sandbox/company/applications.ts.
 */
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import { z } from "zod";
import {
  type ApplicationOwnerInput,
  BusinessApplication,
  BusinessApplicationDraft,
  BusinessApplicationList,
  BusinessApplicationListQuery,
} from "../../lib/jiko/applications";
import { UploadDocumentResponse } from "../../lib/jiko/company";
import {
  type ApplicationRow,
  addApplicationDocument,
  applyApplication,
  createApplication,
  findApplication,
  flagsOf,
  settle,
  typesStillNeeded,
  updateApplication,
} from "../company/applications";
import { readUpload } from "../company/files";
import type { SandboxDb } from "../db/open";
import { businessApplications, companyDocuments } from "../db/schema";
import { findPerson } from "../directory";
import { decodeCursor, timestampPage } from "../http/cursor";
import { stableId } from "../ids";
import type { Principal } from "./auth";
import { documentOut, documentTypeOf, ownerOut } from "./company";
import { PersonRequired } from "./identity";
import { clockOf } from "./pockets";
import { body, parse, RequestInvalid } from "./team";

async function applicant(db: SandboxDb, p: Principal) {
  if (p.kind !== "person" || !p.personId) throw new PersonRequired();
  const person = await findPerson(db, p.personId);
  if (!person) throw new PersonRequired();
  return person;
}

const idOf = (c: Context) => parse(z.uuid(), c.req.param("application_id"), "path");

async function context(db: SandboxDb, p: Principal, c: Context) {
  const clock = clockOf(c);
  return {
    person: await applicant(db, p),
    principal: p,
    now: await clock.now(),
    today: await clock.today(),
  };
}

async function shape(db: SandboxDb, r: ApplicationRow): Promise<BusinessApplication> {
  const d = r.draft as z.infer<typeof BusinessApplicationDraft>;
  const docs = await db
    .select()
    .from(companyDocuments)
    .where(eq(companyDocuments.applicationId, r.id))
    .orderBy(companyDocuments.seq);
  const flags = flagsOf(r);
  const uploaded = new Set(docs.map((x) => x.type));
  const placeholders = typesStillNeeded(flags, uploaded).map((type) => ({
    id: stableId("application-document", `${r.id}:${type}`),
    type,
    status: "PENDING_UPLOAD" as const,
    exception_reason: null,
    name: null,
    content_type: null,
    size_bytes: null,
    created_at: null,
    object_type: "Document" as const,
  }));
  return BusinessApplication.parse({
    id: r.id,
    status: r.status,
    business_name: d.business_name ?? null,
    identification_number: d.identification_number ?? null,
    email: d.email ?? null,
    phone_number: d.phone_number ?? null,
    address: d.address ?? null,
    agreement_consent: d.agreement_consent ?? null,
    beneficial_owners: (d.beneficial_owners ?? []).map((o: ApplicationOwnerInput, i: number) =>
      ownerOut(
        stableId("application-owner", `${r.id}:${i}`),
        o as unknown as Record<string, unknown>,
      ),
    ),
    ...flags,
    documents: [...docs.map(documentOut), ...placeholders],
    customer_id: r.customerId,
    team_id: r.teamId,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
    submitted_at: r.submittedAt?.toISOString() ?? null,
    object_type: "BusinessApplication",
  });
}

export async function postApplication(db: SandboxDb, p: Principal, c: Context) {
  const draft = await body(c, BusinessApplicationDraft);
  const o = await context(db, p, c);
  return c.json(await shape(db, await createApplication(db, o.person, draft, o.now)), 201);
}

export async function getApplication(db: SandboxDb, p: Principal, c: Context) {
  const id = idOf(c);
  const o = await context(db, p, c);
  return shape(db, await settle(db, await findApplication(db, o.person, id), o));
}

export async function patchApplication(db: SandboxDb, p: Principal, c: Context) {
  const id = idOf(c);
  const draft = await body(c, BusinessApplicationDraft);
  const o = await context(db, p, c);
  const row = await findApplication(db, o.person, id);
  return shape(db, await updateApplication(db, row, draft, o.now));
}

/** Answers SUBMITTED (202 would be as fair; Jiko's individual Apply shows the changed status). */
export async function applyToApplication(db: SandboxDb, p: Principal, c: Context) {
  const id = idOf(c);
  const o = await context(db, p, c);
  const row = await settle(db, await findApplication(db, o.person, id), o);
  return shape(db, await applyApplication(db, row, o.now));
}

export async function uploadApplicationDocument(db: SandboxDb, p: Principal, c: Context) {
  const id = idOf(c);
  const type = documentTypeOf(c);
  const o = await context(db, p, c);
  const row = await settle(db, await findApplication(db, o.person, id), o);
  const file = await readUpload(c);
  const documentId = await addApplicationDocument(db, row, { ...file, type }, o.now);
  return c.json(UploadDocumentResponse.parse({ success: true, document_id: documentId }), 201);
}

export async function listApplications(db: SandboxDb, p: Principal, c: Context) {
  const q = parse(BusinessApplicationListQuery, c.req.query(), "query");
  const o = await context(db, p, c);
  const cursor = q.cursor ? decodeCursor(q.cursor, (x) => !Number.isNaN(Date.parse(x))) : undefined;
  if (q.cursor && !cursor) {
    throw new RequestInvalid([
      { loc: ["query", "cursor"], msg: "Invalid cursor", type: "value_error", input: q.cursor },
    ]);
  }
  // Outcomes due are applied before filtering by status.
  const due = await db
    .select()
    .from(businessApplications)
    .where(
      and(
        eq(businessApplications.applicantPersonId, o.person.id),
        eq(businessApplications.status, "SUBMITTED"),
      ),
    );
  for (const r of due) await settle(db, r, o);
  const page = await timestampPage({
    cursor,
    limit: q.limit ?? 30,
    order: "desc",
    filter: and(
      eq(businessApplications.applicantPersonId, o.person.id),
      q.status ? eq(businessApplications.status, q.status) : undefined,
    ),
    time: businessApplications.createdAt,
    seq: businessApplications.seq,
    read: (where, orderBy, n) =>
      db
        .select()
        .from(businessApplications)
        .where(where)
        .orderBy(...orderBy)
        .limit(n),
    timeOf: (r) => r.createdAt,
  });
  const items = [];
  for (const r of page.rows) items.push(await shape(db, r));
  return BusinessApplicationList.parse({
    prev_page: page.prev_page,
    next_page: page.next_page,
    items,
    object_type: "CursorList",
  });
}
