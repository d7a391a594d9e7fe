import { CreateServiceUserRequest } from "@/lib/jiko/team";
import { guarded, readJson } from "@/server/api/guard";

// POST /api/team/service-users: add an API-only member.
export const POST = guarded("team:manage", async ({ req, viewer }) =>
  Response.json(
    await viewer.jiko.createServiceUser(await readJson(req, CreateServiceUserRequest)),
    { status: 201 },
  ),
);
