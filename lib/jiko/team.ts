/**
 * `GET /api/v1/team/`: "the team ID and a list of MemberGroup objects, categorized by member
 * status". INFERRED: the field names (Jiko's guide promises each member's role, active status,
 * access level, creation date and last login, so those are here).
 */
import { z } from "zod";
import { IsoDateTime } from "./common";
import { MemberAccess, MemberStatus, Role } from "./roles";

export const TeamMember = z.object({
  id: z.uuid(),
  user_id: z.uuid().nullable(),
  first_name: z.string(),
  last_name: z.string(),
  email: z.email(),
  phone_number: z.string().nullable(),
  role: Role,
  status: MemberStatus,
  access: MemberAccess,
  created_at: IsoDateTime,
  last_login_at: IsoDateTime.nullable(),
  object_type: z.literal("TeamMember"),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const MemberGroup = z.object({
  status: MemberStatus,
  members: z.array(TeamMember),
  object_type: z.literal("MemberGroup"),
});
export type MemberGroup = z.infer<typeof MemberGroup>;

export const TeamResponse = z.object({
  team_id: z.uuid(),
  team_name: z.string(),
  member_groups: z.array(MemberGroup),
  object_type: z.literal("Team"),
});
export type TeamResponse = z.infer<typeof TeamResponse>;
