import { guarded } from "@/server/api/guard";

// GET /api/team: the active team's members, grouped by status.
export const GET = guarded("team:view", async ({ viewer }) =>
  Response.json(await viewer.jiko.team()),
);
