/**
 * Team roles and member statuses.
 *
 * INFERRED: Jiko does not publish its role names or member statuses (contract-notes §9.1). This is
 * the one place they are guessed: an administrator, a reviewer of transfer requests (the second
 * person of dual authorization), an initiator who drafts transfer requests, and a read-only
 * member. Statuses follow the team endpoint's prose ("ACTIVE, PENDING, etc.").
 */
// No zod here: every page names roles. Their schemas are in ./role-schemas.ts.

export const ROLES = ["ADMIN", "REVIEWER", "INITIATOR", "READ_ONLY"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  REVIEWER: "Reviewer",
  INITIATOR: "Initiator",
  READ_ONLY: "Read-only",
};

export const MEMBER_STATUSES = ["ACTIVE", "PENDING", "DEACTIVATED"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** INFERRED: how a member reaches Jiko: people through the web portal, service users by API. */
export const MEMBER_ACCESS = ["WEB", "API"] as const;
export type MemberAccess = (typeof MEMBER_ACCESS)[number];
