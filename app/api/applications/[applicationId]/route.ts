import { z } from "zod";
import { BusinessApplicationDraft } from "@/lib/jiko/applications";
import { guarded, parse, readJson } from "@/server/api/guard";
import { readApplication, saveDraft } from "@/server/applications/applications";

type Params = { applicationId: string };
const id = (p: Params) => parse(z.uuid(), p.applicationId);

// GET /api/applications/{id}: the application and its status as Jiko reads it now.
export const GET = guarded<Params>("entities:open", async ({ params, viewer }) =>
  Response.json(await readApplication(viewer, id(params))),
);

// PATCH /api/applications/{id}: save a step of the draft (the fields it names replace Jiko's).
export const PATCH = guarded<Params>("entities:open", async ({ req, params, viewer }) =>
  Response.json(await saveDraft(viewer, id(params), await readJson(req, BusinessApplicationDraft))),
);
