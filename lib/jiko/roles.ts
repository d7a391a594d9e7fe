/**
 * Team roles and member statuses.
 *
 * INFERRED: Jiko does not publish its role names or member statuses (contract-notes §9.1). This is
 * the one place they are guessed: an administrator, a reviewer of transfer requests (the second
 * person of dual authorization), an initiator who drafts transfer requests, and a read-only
 * member. Statuses follow the team endpoint's prose ("ACTIVE, PENDING, etc.").
 */
import { z } from "zod";
import "../zod-messages";

export const ROLES = ["ADMIN", "REVIEWER", "INITIATOR", "READ_ONLY"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  REVIEWER: "Reviewer",
  INITIATOR: "Initiator",
  READ_ONLY: "Read-only",
};

export const MEMBER_STATUSES = ["ACTIVE", "PENDING", "DEACTIVATED"] as const;
export const MemberStatus = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof MemberStatus>;

/** INFERRED: how a member reaches Jiko: people through the web portal, service users by API. */
export const MemberAccess = z.enum(["WEB", "API"]);
export type MemberAccess = z.infer<typeof MemberAccess>;
