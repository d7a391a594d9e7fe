import { z } from "zod";
import { guarded, parse } from "@/server/api/guard";
import { documentDownload } from "@/server/company/documents";

type Params = { documentId: string };

// GET /api/company/documents/:id: the document's file, from a link Jiko signs at this moment.
export const GET = guarded<Params>("company:view", async ({ params, viewer }) =>
  documentDownload(viewer.jiko, parse(z.uuid(), params.documentId)),
);
