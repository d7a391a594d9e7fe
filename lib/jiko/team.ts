/**
 * Team administration: `GET /api/v1/team/` ("the team ID and a list of MemberGroup objects,
 * categorized by member status"), one member, edit, deactivate, invite, resend and cancel an
 * invite, service users.
 *
 * Published: the paths and verbs, that InviteMemberRequest holds first_name, last_name, email,
 * phone_number and role, that edit changes role or status, that DELETE deactivates and returns
 * the member, that resend and cancel answer 200. Jiko's guide promises each member's role, active
 * status, access level, creation date and last login. INFERRED: every field name and shape below,
 * the service-user request, and the message bodies of resend and cancel.
 */
import { z } from "zod";
import { IsoDateTime } from "./common";
import { MemberAccess, MemberStatus, Role } from "./role-schemas";

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
  /** INFERRED: when the current invitation was sent (PENDING members), else null. */
  invite_sent_at: IsoDateTime.nullable(),
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

/** E.164, as Jiko's own examples write phone numbers. */
export const PhoneNumber = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s().-]/g, ""))
  .pipe(
    z
      .string()
      .regex(/^\+[1-9]\d{7,14}$/, "Enter the number in international form, like +1 415 555 0100"),
  );

/** Names are shown and stored as text: no control characters (NUL, tabs, line breaks, escapes). */
const name = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}`)
    .max(64, `Keep the ${what} under 64 characters`)
    .regex(/^[^\p{Cc}]*$/u, `The ${what} cannot contain tabs, line breaks or control characters`);

export const InviteMemberRequest = z.object({
  first_name: name("first name"),
  last_name: name("last name"),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  phone_number: PhoneNumber,
  role: Role,
});
export type InviteMemberRequest = z.infer<typeof InviteMemberRequest>;

/** INFERRED: status moves between ACTIVE and DEACTIVATED; PENDING belongs to invitations. */
export const EditTeamMemberRequest = z
  .object({ role: Role.optional(), status: z.enum(["ACTIVE", "DEACTIVATED"]).optional() })
  .strict()
  .refine((r) => r.role !== undefined || r.status !== undefined, "Change the role or the status");
export type EditTeamMemberRequest = z.infer<typeof EditTeamMemberRequest>;

/** INFERRED: a service user is a member that reaches Jiko by API only (access "API"). */
export const CreateServiceUserRequest = z.object({
  name: name("name"),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  role: Role,
});
export type CreateServiceUserRequest = z.infer<typeof CreateServiceUserRequest>;

/** INFERRED: resend and cancel answer 200 with a message. */
export const TeamMessage = z.object({ detail: z.string() });
