/**
 * The signed-in person: `GET /api/v1/user/` and `GET /api/v1/user/memberships/`.
 *
 * Jiko publishes only that UserInfo holds "user_id, email, name, role, and other details" and that
 * a MembershipInfo details "a team and the user's role within it". INFERRED: every other field
 * below, and the memberships list using the v1 `{offset, count, items, object_type: "List"}` shape.
 */
import { z } from "zod";
import { offsetList } from "./common";
import { MemberStatus, Role } from "./role-schemas";

export const UserInfo = z.object({
  user_id: z.uuid(),
  email: z.email(),
  name: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  phone_number: z.string().nullable(),
  role: Role,
  /** The team the access token was granted for, and this person's membership in it. */
  team_id: z.uuid(),
  team_name: z.string(),
  member_id: z.uuid(),
  customer_id: z.uuid(),
  object_type: z.literal("UserInfo"),
});
export type UserInfo = z.infer<typeof UserInfo>;

export const MembershipInfo = z.object({
  member_id: z.uuid(),
  team_id: z.uuid(),
  team_name: z.string(),
  customer_id: z.uuid(),
  customer_name: z.string(),
  role: Role,
  status: MemberStatus,
  object_type: z.literal("MembershipInfo"),
});
export type MembershipInfo = z.infer<typeof MembershipInfo>;

export const MembershipList = offsetList(MembershipInfo);
export type MembershipList = z.infer<typeof MembershipList>;
