import "server-only";
import { fileProblem, sniffContentType } from "@/lib/application-documents";
import type { BusinessApplication, BusinessApplicationDraft } from "@/lib/jiko/applications";
import {
  DocumentContentType as ContentType,
  DOCUMENT_MAX_BYTES,
  type DocumentContentType,
  type DocumentType,
} from "@/lib/jiko/company";
import { ApiError } from "../api/guard";
import type { JikoClient } from "../jiko";
import { forgetViewer } from "../viewer";

/** The signed-in applicant: their Jiko client and session (whose cached memberships may go stale). */
export interface Applicant {
  jiko: Pick<
    JikoClient,
    | "businessApplications"
    | "businessApplication"
    | "createBusinessApplication"
    | "updateBusinessApplication"
    | "applyBusinessApplication"
    | "uploadApplicationDocument"
    | "agreements"
  >;
  sessionToken: string;
}

/**
 * An approved application made its applicant the first admin of a new team: who the session's
 * person is (kept for seconds) is read anew so the team switcher lists it at once.
 */
function seen(who: Applicant, app: BusinessApplication): BusinessApplication {
  if (app.status === "APPROVED") forgetViewer(who.sessionToken);
  return app;
}

/** The person's own applications, newest first (one page: a person opens a few entities). */
export async function ownApplications(who: Applicant): Promise<{ items: BusinessApplication[] }> {
  const list = await who.jiko.businessApplications({ limit: 30 });
  return { items: list.items };
}

export async function readApplication(who: Applicant, id: string) {
  return seen(who, await who.jiko.businessApplication(id));
}

/** Saves a step: the first save creates the draft at Jiko, later ones update it. */
export function saveDraft(who: Applicant, id: string | null, draft: BusinessApplicationDraft) {
  return id
    ? who.jiko.updateBusinessApplication(id, draft)
    : who.jiko.createBusinessApplication(draft);
}

/** Apply (or apply again after the documents); Jiko answers SUBMITTED and decides on a later read. */
export async function applyFor(who: Applicant, id: string) {
  return seen(who, await who.jiko.applyBusinessApplication(id));
}

export const currentAgreement = (who: Applicant) => who.jiko.agreements();

/** The body's bytes, refused past the cap whatever Content-Length declared. */
async function readFile(req: Request): Promise<Uint8Array> {
  const tooLarge = () => new ApiError("too-large", "This file is over 5 MB: choose a smaller one.");
  if (Number(req.headers.get("content-length")) > DOCUMENT_MAX_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > DOCUMENT_MAX_BYTES) {
      await reader?.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/**
 * One flagged document, sent as the file's raw bytes: PDF, PNG or JPEG, at most 5 MB, and the
 * bytes must be what the declared type says (checked here before Jiko sees it). Answers the
 * application as it reads after the upload.
 */
export async function uploadDocument(
  who: Applicant,
  id: string,
  type: DocumentType,
  req: Request,
): Promise<BusinessApplication> {
  const declared = ContentType.safeParse(req.headers.get("content-type")?.split(";")[0]?.trim());
  if (!declared.success) throw new ApiError("invalid", "Choose a PDF, PNG or JPEG file.");
  const bytes = await readFile(req);
  const problem = fileProblem({ type: declared.data, size: bytes.byteLength });
  if (problem) throw new ApiError("invalid", problem);
  if (sniffContentType(bytes) !== declared.data)
    throw new ApiError("invalid", "This file's content is not the kind of file its name says.");
  const contentType: DocumentContentType = declared.data;
  await who.jiko.uploadApplicationDocument(id, type, { bytes, contentType });
  return readApplication(who, id);
}
