import "server-only";
import type { z } from "zod";
import {
  APPLICATION_PATHS,
  BusinessApplication,
  type BusinessApplicationDraft,
  BusinessApplicationList,
  type BusinessApplicationListQuery,
} from "@/lib/jiko/applications";
import {
  type AcknowledgeAgreementRequest,
  Agreement,
  AgreementAcknowledgement,
  AgreementAcknowledgementList,
  type DocumentContentType,
  DocumentList,
  type DocumentListQuery,
  type DocumentType,
  ListBeneficialOwnersResponse,
  type UpdateCustomerRequest,
  UploadDocumentResponse,
} from "@/lib/jiko/company";
import { Customer } from "@/lib/jiko/customer";
import { JikoError } from "./errors";
import type { JikoRequest } from "./http";

type Req = Omit<JikoRequest, "accessToken">;
type Call = <S extends z.ZodType>(req: Req, schema: S | null) => Promise<z.infer<S>>;
type Raw = (req: Req) => Promise<Response>;

const enc = encodeURIComponent;

/** Reads a 307's Location (a signed link), never following it with the bearer token. */
async function signedLink(raw: Raw, path: string, what: string): Promise<URL> {
  const res = await raw({ method: "GET", path, redirect: "manual" });
  const location = res.headers.get("location");
  const url = location ? new URL(location, res.url || undefined) : null;
  if (!url || !["https:", "http:"].includes(url.protocol)) {
    throw new JikoError("unavailable", res.status, `Jiko sent no ${what} link`);
  }
  return url;
}

/**
 * The company's calls (customer profile, owners, agreements, documents) and business
 * applications for a new entity, for one signed-in person's client (server/jiko/client.ts).
 */
export function companyCalls(call: Call, raw: Raw) {
  const upload = (path: string, file: { bytes: Uint8Array; contentType: DocumentContentType }) =>
    call(
      {
        method: "POST",
        path,
        rawBody: file.bytes,
        headers: { "content-type": file.contentType },
        idempotent: false,
      },
      UploadDocumentResponse,
    );
  return {
    updateCustomer: (body: UpdateCustomerRequest) =>
      call({ method: "PATCH", path: "/api/v1/customer/", body }, Customer),
    beneficialOwners: () =>
      call(
        { method: "GET", path: "/api/v1/customer/beneficial-owners/" },
        ListBeneficialOwnersResponse,
      ),
    /** The current agreements: one version, its PDFs behind signed links. */
    agreements: () => call({ method: "GET", path: "/api/v1/agreements/" }, Agreement),
    agreementAcknowledgements: () =>
      call(
        { method: "GET", path: "/api/v1/agreements/acknowledgements/" },
        AgreementAcknowledgementList,
      ),
    acknowledgeAgreement: (body: z.infer<typeof AcknowledgeAgreementRequest>) =>
      call(
        { method: "POST", path: "/api/v1/agreements/acknowledgements/", body },
        AgreementAcknowledgement,
      ),
    documents: (query: z.infer<typeof DocumentListQuery> = {}) =>
      call({ method: "GET", path: "/api/v1/documents/", query }, DocumentList),
    uploadDocument: (
      type: DocumentType,
      file: { bytes: Uint8Array; contentType: DocumentContentType },
    ) => upload(`/api/v1/documents/${enc(type)}/`, file),
    /** Where the document's file is, for the next 10 minutes (Jiko answers 307). */
    documentDownloadUrl: (documentId: string) =>
      signedLink(raw, `/api/v1/documents/${enc(documentId)}/download/`, "document"),

    businessApplications: (query: z.infer<typeof BusinessApplicationListQuery> = {}) =>
      call({ method: "GET", path: APPLICATION_PATHS.list, query }, BusinessApplicationList),
    businessApplication: (id: string) =>
      call({ method: "GET", path: APPLICATION_PATHS.one(enc(id)) }, BusinessApplication),
    createBusinessApplication: (body: BusinessApplicationDraft) =>
      call({ method: "POST", path: APPLICATION_PATHS.list, body }, BusinessApplication),
    updateBusinessApplication: (id: string, body: BusinessApplicationDraft) =>
      call({ method: "PATCH", path: APPLICATION_PATHS.one(enc(id)), body }, BusinessApplication),
    applyBusinessApplication: (id: string) =>
      call(
        { method: "POST", path: APPLICATION_PATHS.apply(enc(id)), body: {}, idempotent: false },
        BusinessApplication,
      ),
    uploadApplicationDocument: (
      id: string,
      type: DocumentType,
      file: { bytes: Uint8Array; contentType: DocumentContentType },
    ) => upload(APPLICATION_PATHS.documentFile(enc(id), type), file),
  };
}
