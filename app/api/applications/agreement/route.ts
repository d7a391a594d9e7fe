import { guarded } from "@/server/api/guard";
import { currentAgreement } from "@/server/applications/applications";

// GET /api/applications/agreement: Jiko's current agreements, the version an applicant consents to.
export const GET = guarded("entities:open", async ({ viewer }) =>
  Response.json(await currentAgreement(viewer)),
);
