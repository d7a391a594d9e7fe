import { z } from "zod";
import { UploadQuery } from "@/lib/company-file-schemas";
import { PageCursor } from "@/lib/page-cursor";
import { guarded, parse } from "@/server/api/guard";
import { companyDocuments, readUpload, uploadCompanyDocument } from "@/server/company/documents";

const ListQuery = z.object({
  cursor: PageCursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

// GET /api/company/documents?cursor&limit: the company's documents, newest first, Jiko's pages.
export const GET = guarded("company:view", async ({ req, viewer }) => {
  const q = parse(ListQuery, Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await companyDocuments(viewer.jiko, q));
});

// POST /api/company/documents?type (raw file, Content-Type PDF/PNG/JPEG): file a document.
export const POST = guarded("company:manage", async ({ req, viewer }) => {
  const { type } = parse(UploadQuery, Object.fromEntries(new URL(req.url).searchParams));
  const file = await readUpload(req);
  return Response.json(await uploadCompanyDocument(viewer.jiko, type, file), { status: 201 });
});
