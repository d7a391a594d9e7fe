import { z } from "zod";
import { guarded, parse } from "@/server/api/guard";
import { applyFor } from "@/server/applications/applications";

// POST /api/applications/{id}/apply: submit the draft, or submit again once the documents are in.
export const POST = guarded<{ applicationId: string }>(
  "entities:open",
  async ({ params, viewer }) =>
    Response.json(await applyFor(viewer, parse(z.uuid(), params.applicationId))),
);
