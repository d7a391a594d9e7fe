import { guarded } from "@/server/api/guard";

// GET /api/customer: the company the active team belongs to.
export const GET = guarded(null, async ({ viewer }) => Response.json(await viewer.jiko.customer()));
