import { z } from "zod";
import { EditTeamMemberRequest } from "@/lib/jiko/team";
import { guarded, parse, readJson } from "@/server/api/guard";

type Params = { memberId: string };
const memberId = (p: Params) => parse(z.uuid(), p.memberId);

// PATCH /api/team/members/:memberId: change a member's role or status.
export const PATCH = guarded<Params>("team:manage", async ({ req, params, viewer }) =>
  Response.json(
    await viewer.jiko.editMember(memberId(params), await readJson(req, EditTeamMemberRequest)),
  ),
);

// DELETE /api/team/members/:memberId: deactivate a member (their sessions end at Jiko at once).
export const DELETE = guarded<Params>("team:manage", async ({ params, viewer }) =>
  Response.json(await viewer.jiko.deactivateMember(memberId(params))),
);
