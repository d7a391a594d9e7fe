/** React Query keys, shared by server prefetch and client hooks so hydration lines up. */
import type { AuditFilters } from "./audit-filters";

export const queryKeys = {
  viewer: () => ["viewer"] as const,
  customer: () => ["customer"] as const,
  team: () => ["team"] as const,
  auditLog: (filters: AuditFilters) => ["audit-log", filters] as const,
};
