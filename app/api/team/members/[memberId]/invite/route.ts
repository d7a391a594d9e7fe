import { z } from "zod";
import { guarded, parse } from "@/server/api/guard";

type Params = { memberId: string };
const memberId = (p: Params) => parse(z.uuid(), p.memberId);

// POST /api/team/members/:memberId/invite: send the invitation again (the old link stops working).
export const POST = guarded<Params>("team:manage", async ({ params, viewer }) =>
  Response.json(await viewer.jiko.resendInvite(memberId(params))),
);

// DELETE /api/team/members/:memberId/invite: cancel a pending invitation.
export const DELETE = guarded<Params>("team:manage", async ({ params, viewer }) =>
  Response.json(await viewer.jiko.cancelInvite(memberId(params))),
);
