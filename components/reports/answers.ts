/**
 * What the reports route answers, checked in the browser, and the form's checks. The page loads
 * this module with the first answer it asks for, or when the form is first used
 * (lib/api-client.ts), so zod stays out of the page's first load.
 */
export { ReportRequest, ReportRequestList } from "@/lib/jiko/reports";
export { ReportForm } from "@/lib/report-form-schemas";
