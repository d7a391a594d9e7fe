import { BusinessApplicationDraft } from "@/lib/jiko/applications";
import { guarded, readJson } from "@/server/api/guard";
import { ownApplications, saveDraft } from "@/server/applications/applications";

// GET /api/applications: the person's own business applications, newest first.
export const GET = guarded("entities:open", async ({ viewer }) =>
  Response.json(await ownApplications(viewer)),
);

// POST /api/applications: start a draft with the first step's fields.
export const POST = guarded("entities:open", async ({ req, viewer }) =>
  Response.json(await saveDraft(viewer, null, await readJson(req, BusinessApplicationDraft)), {
    status: 201,
  }),
);
