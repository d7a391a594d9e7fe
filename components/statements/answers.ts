/**
 * What the statements route answers, checked in the browser. The hook loads this module with the
 * first answer it asks for (lib/api-client.ts), so zod stays out of the page's first load.
 */
export { StatementSummaryList } from "@/lib/jiko/statements";
