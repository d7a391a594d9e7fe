import { ProfileUpdate } from "@/lib/company-profile";
import { guarded, readJson } from "@/server/api/guard";
import { updateCompanyProfile } from "@/server/company/profile";

// GET /api/company/profile: the company behind the active team, as Jiko has it.
export const GET = guarded("company:view", async ({ viewer }) =>
  Response.json(await viewer.jiko.customer()),
);

// PATCH /api/company/profile {email?, phone_number?, address?}: change the contact details.
export const PATCH = guarded("company:manage", async ({ req, viewer }) =>
  Response.json(await updateCompanyProfile(viewer.jiko, await readJson(req, ProfileUpdate))),
);
