import { InviteMemberRequest } from "@/lib/jiko/team";
import { guarded, readJson } from "@/server/api/guard";

// POST /api/team/invites: invite a person to the active team.
export const POST = guarded("team:manage", async ({ req, viewer }) =>
  Response.json(await viewer.jiko.inviteMember(await readJson(req, InviteMemberRequest)), {
    status: 201,
  }),
);
