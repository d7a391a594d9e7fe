import "server-only";
import {
  FILE_EXTENSION,
  fileContentProblem,
  sniffContentType,
  WRONG_TYPE,
} from "@/lib/company-files";
import {
  DocumentContentType as ContentTypeSchema,
  DOCUMENT_MAX_BYTES,
  type DocumentContentType,
  type DocumentType,
} from "@/lib/jiko/company";
import { ApiError } from "../api/guard";
import { peekHead, safeFileName } from "../downloads/files";
import { fetchJikoLink } from "../downloads/jiko-link";
import type { JikoClient } from "../jiko";

export interface UploadedFile {
  bytes: Uint8Array;
  contentType: DocumentContentType;
}

/** A refusal about the file, shown under the form's file field. */
const fileError = (code: "invalid" | "too-large", message: string) =>
  new ApiError(code, message, [{ path: "file", message }]);

const tooLarge = () =>
  fileError("too-large", `The file is over ${DOCUMENT_MAX_BYTES / (1024 * 1024)} MB.`);

/**
 * The uploaded file as the browser sent it: raw bytes with their Content-Type. The type must be
 * PDF, PNG or JPEG, and no more than the size cap is ever read (a declared length over it is
 * refused before reading).
 */
export async function readUpload(req: Request): Promise<UploadedFile> {
  const declared = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const type = ContentTypeSchema.safeParse(declared);
  if (!type.success) throw fileError("invalid", WRONG_TYPE);
  if (Number(req.headers.get("content-length")) > DOCUMENT_MAX_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > DOCUMENT_MAX_BYTES) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { bytes, contentType: type.data };
}

/**
 * Files a document with Jiko once its bytes are what they claim to be (a renamed file is refused
 * here, under the field); Jiko checks again and has the last word.
 */
export async function uploadCompanyDocument(
  jiko: Pick<JikoClient, "uploadDocument">,
  type: DocumentType,
  file: UploadedFile,
) {
  const problem = fileContentProblem(file.contentType, file.bytes);
  if (problem) throw fileError("invalid", problem);
  return jiko.uploadDocument(type, file);
}

/** The company's documents, one of Jiko's pages at a time, newest first. */
export function companyDocuments(
  jiko: Pick<JikoClient, "documents">,
  q: { cursor?: string; limit?: number },
) {
  return jiko.documents(q);
}

/** The name Jiko gave the file, without its extension (ours comes from the bytes). */
function upstreamStem(res: Response): string | undefined {
  const m = /filename="?([^";]+)"?/i.exec(res.headers.get("content-disposition") ?? "");
  return m?.[1]?.replace(/\.[A-Za-z0-9]{1,8}$/, "");
}

/**
 * A document's file: a fresh signed link from Jiko, fetched from Jiko's hosts only and streamed
 * on, typed by what its first bytes are (never by the link's header), saved rather than shown.
 */
export async function documentDownload(
  jiko: Pick<JikoClient, "documentDownloadUrl">,
  documentId: string,
  o: { origins?: readonly string[] } = {},
): Promise<Response> {
  const link = await jiko.documentDownloadUrl(documentId);
  const res = await fetchJikoLink(link, { what: "document", timeoutMs: 30_000, ...o });
  const { head, stream: body, cancel } = await peekHead(res.body!, 16);
  const type = sniffContentType(head);
  if (!type) {
    await cancel();
    throw new ApiError("unavailable", "Jiko sent the document in an unexpected form. Try again.");
  }
  const stem = safeFileName(upstreamStem(res) ?? `document-${documentId.slice(0, 8)}`);
  return new Response(body, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${stem}.${FILE_EXTENSION[type]}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
