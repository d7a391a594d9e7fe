/**
 * Reading an uploaded document: the raw body with its Content-Type (Jiko's documented upload), or
 * one `file` part of a multipart form (INFERRED, what browsers send). The declared type must be
 * PDF, PNG or JPEG, the bytes must start with that type's signature, and the file must be under
 * the size cap — each refusal a FastAPI 422 naming the body.
 */
import type { Context } from "hono";
import type { ValidationIssue } from "../../lib/jiko/common";
import {
  DOCUMENT_CONTENT_TYPES,
  DOCUMENT_MAX_BYTES,
  type DocumentContentType,
} from "../../lib/jiko/company";
import { RequestInvalid } from "../api/team";

const SIGNATURES: Record<DocumentContentType, number[]> = {
  "application/pdf": [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  "image/jpeg": [0xff, 0xd8, 0xff],
};

export interface UploadedFile {
  contentType: DocumentContentType;
  bytes: Uint8Array;
  name: string | null;
}

const refuse = (msg: string, type: string, extra: Partial<ValidationIssue> = {}): never => {
  throw new RequestInvalid([{ loc: ["body"], msg, type, ...extra }]);
};

/** The checks on bytes already read: declared type allowed, signature matching, size in range. */
export function checkFile(declared: string, bytes: Uint8Array, name: string | null): UploadedFile {
  const contentType = declared.split(";")[0]!.trim().toLowerCase();
  if (!(DOCUMENT_CONTENT_TYPES as readonly string[]).includes(contentType)) {
    refuse(
      `Value error, content type must be one of ${DOCUMENT_CONTENT_TYPES.join(", ")}`,
      "content_type",
      {
        input: contentType || null,
      },
    );
  }
  const type = contentType as DocumentContentType;
  if (bytes.length === 0) refuse("Value error, the file is empty", "value_error");
  if (bytes.length > DOCUMENT_MAX_BYTES) {
    refuse(`Value error, the file must be at most ${DOCUMENT_MAX_BYTES} bytes`, "too_large", {
      ctx: { max_bytes: DOCUMENT_MAX_BYTES },
    });
  }
  const sig = SIGNATURES[type];
  if (!sig.every((b, i) => bytes[i] === b)) {
    refuse(`Value error, the file's content is not ${type}`, "content_mismatch", {
      ctx: { declared: type },
    });
  }
  return { contentType: type, bytes, name };
}

const filenameOf = (disposition: string | undefined) =>
  disposition?.match(/filename="?([^";]+)"?/i)?.[1]?.slice(0, 200) ?? null;

export async function readUpload(c: Context): Promise<UploadedFile> {
  const declared = c.req.header("content-type") ?? "";
  const length = Number(c.req.header("content-length") ?? "0");
  // A multipart body carries a little more than its file; refuse the obviously oversized unread.
  if (length > DOCUMENT_MAX_BYTES + 64 * 1024) {
    refuse(`Value error, the file must be at most ${DOCUMENT_MAX_BYTES} bytes`, "too_large", {
      ctx: { max_bytes: DOCUMENT_MAX_BYTES },
    });
  }
  if (declared.toLowerCase().startsWith("multipart/form-data")) {
    const form = await c.req
      .parseBody()
      .catch(() => refuse("Value error, unreadable form", "value_error"));
    const file = form.file;
    if (!(file instanceof File)) {
      throw new RequestInvalid([{ loc: ["body", "file"], msg: "Field required", type: "missing" }]);
    }
    return checkFile(file.type, new Uint8Array(await file.arrayBuffer()), file.name || null);
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  return checkFile(declared, bytes, filenameOf(c.req.header("content-disposition")));
}
