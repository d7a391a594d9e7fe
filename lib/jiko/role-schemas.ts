/** Schemas of roles, member statuses and access (lib/jiko/roles.ts holds the values). */
import { z } from "zod";
import { MEMBER_ACCESS, MEMBER_STATUSES, ROLES } from "./roles";

export const Role = z.enum(ROLES);
export const MemberStatus = z.enum(MEMBER_STATUSES);
export const MemberAccess = z.enum(MEMBER_ACCESS);
