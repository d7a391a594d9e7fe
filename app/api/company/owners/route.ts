import { guarded } from "@/server/api/guard";

// GET /api/company/owners: the beneficial owners, identification numbers masked by Jiko.
export const GET = guarded("company:view", async ({ viewer }) =>
  Response.json(await viewer.jiko.beneficialOwners()),
);
