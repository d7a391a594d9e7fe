import "server-only";
import { sniffContentType } from "@/lib/application-documents";
import type { BusinessApplication, BusinessApplicationDraft } from "@/lib/jiko/applications";
import type { DocumentType } from "@/lib/jiko/company";
import { ApiError } from "../api/guard";
import { readUpload } from "../company/documents";
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
  // The type must be PDF, PNG or JPEG and no more than 5 MB is ever read (server/company).
  const { bytes, contentType } = await readUpload(req);
  if (sniffContentType(bytes) !== contentType)
    throw new ApiError("invalid", "This file's content is not the kind of file its name says.");
  await who.jiko.uploadApplicationDocument(id, type, { bytes, contentType });
  return readApplication(who, id);
}
