/**
 * The company's routes (profile update, owners, agreements, documents, business applications),
 * mounted by app.ts with the same gate as every Customer API route, and the signed file links
 * (`/_sandbox/files/<token>`) their PDFs and uploads are fetched through.
 */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { ENDPOINT_SCOPES } from "../../lib/jiko/scopes";
import { agreementPdf } from "../company/agreements";
import type { SandboxDb } from "../db/open";
import { companyDocuments } from "../db/schema";
import { verifyDocument } from "../documents/signed-url";
import {
  applyToApplication,
  getApplication,
  listApplications,
  patchApplication,
  postApplication,
  uploadApplicationDocument,
} from "./applications";
import {
  acknowledgeAgreement,
  downloadDocument,
  getAgreements,
  listAcknowledgements,
  listBeneficialOwners,
  listDocuments,
  patchCustomer,
  uploadDocument,
} from "./company";

const S = ENDPOINT_SCOPES;
const A = "/api/v1/business-applications/";

/** `raw`: the body is a file, kept out of the JSON NUL check (a PNG holds zero bytes). */
export const COMPANY_ROUTES = [
  // INFERRED: Jiko documents no customer update; contact details only.
  { method: "PATCH", path: "/api/v1/customer/", scope: S.customerWrite, handler: patchCustomer },
  {
    method: "GET",
    path: "/api/v1/customer/beneficial-owners/",
    scope: S.customer,
    handler: listBeneficialOwners,
  },
  { method: "GET", path: "/api/v1/agreements/", scope: S.agreementsRead, handler: getAgreements },
  {
    method: "GET",
    path: "/api/v1/agreements/acknowledgements/",
    scope: S.agreementsRead,
    handler: listAcknowledgements,
  },
  {
    method: "POST",
    path: "/api/v1/agreements/acknowledgements/",
    scope: S.customerWrite,
    handler: acknowledgeAgreement,
  },
  { method: "GET", path: "/api/v1/documents/", scope: S.customer, handler: listDocuments },
  {
    method: "GET",
    path: "/api/v1/documents/:document_id/download/",
    scope: S.customer,
    handler: downloadDocument,
  },
  {
    method: "POST",
    path: "/api/v1/documents/:document_type/",
    scope: S.customerWrite,
    handler: uploadDocument,
    raw: true,
  },
  { method: "POST", path: A, scope: S.onboardingWrite, handler: postApplication },
  { method: "GET", path: A, scope: S.onboardingRead, handler: listApplications },
  {
    method: "GET",
    path: `${A}:application_id/`,
    scope: S.onboardingRead,
    handler: getApplication,
  },
  {
    method: "PATCH",
    path: `${A}:application_id/`,
    scope: S.onboardingWrite,
    handler: patchApplication,
  },
  {
    method: "POST",
    path: `${A}:application_id/apply/`,
    scope: S.onboardingWrite,
    handler: applyToApplication,
  },
  {
    method: "POST",
    path: `${A}:application_id/documents/:document_type/file/`,
    scope: S.onboardingWrite,
    handler: uploadApplicationDocument,
    raw: true,
  },
] as const;

/** Signed links to agreement PDFs and the customer's own uploads (no bearer, 10-minute expiry). */
export function companyFileRoutes(o: { db: SandboxDb }) {
  const app = new Hono();
  app.get("/_sandbox/files/:token", async (c) => {
    const verified = verifyDocument(c.req.param("token"), Date.now());
    if (!verified.ok) {
      return c.json({ detail: verified.reason === "expired" ? "Link expired" : "Forbidden" }, 403);
    }
    const { ref } = verified;
    const headers = { "cache-control": "private, no-store" };
    if (ref.kind === "agreement") {
      const bytes = await agreementPdf(ref.id);
      if (!bytes) return c.json({ detail: "Not Found" }, 404);
      return new Response(bytes as BodyInit, {
        headers: { ...headers, "content-type": "application/pdf" },
      });
    }
    if (ref.kind === "company-document") {
      const [row] = await o.db
        .select()
        .from(companyDocuments)
        .where(eq(companyDocuments.id, ref.id));
      if (!row?.customerId) return c.json({ detail: "Not Found" }, 404);
      return new Response(Buffer.from(row.content, "base64") as BodyInit, {
        headers: {
          ...headers,
          "content-type": row.contentType,
          "content-disposition": `attachment; filename="${(row.name ?? row.id).replace(/"/g, "")}"`,
        },
      });
    }
    return c.json({ detail: "Not Found" }, 404);
  });
  return app;
}
