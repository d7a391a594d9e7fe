import { z } from "zod";
import { DocumentType } from "@/lib/jiko/company";
import { guarded, parse } from "@/server/api/guard";
import { uploadDocument } from "@/server/applications/applications";

const Params = z.object({ applicationId: z.uuid(), documentType: DocumentType });

// POST /api/applications/{id}/documents/{type}: one flagged document, the file's raw bytes.
export const POST = guarded<z.input<typeof Params>>(
  "entities:open",
  async ({ req, params, viewer }) => {
    const p = parse(Params, params);
    return Response.json(await uploadDocument(viewer, p.applicationId, p.documentType, req));
  },
);
