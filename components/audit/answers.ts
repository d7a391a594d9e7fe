/**
 * What the audit routes answer, checked in the browser. The hooks load this module with the
 * first answer they ask for (lib/api-client.ts), so zod stays out of the page's first load.
 */
export { AccessLogPage } from "@/lib/access-log-schemas";
export { AuditLogList } from "@/lib/jiko/audit";
