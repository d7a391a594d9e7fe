/** RFC 4180 parsing for checking exports: the dashboard's own reader (lib/csv.ts). */
export { parseCsv } from "../../lib/csv";
