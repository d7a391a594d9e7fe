/** What the dashboard says about the company's agreements, shared by the server and the browser. */
// No zod here: the company page draws these at first load (lib/company-agreement-schemas.ts holds
// the schemas).
export type { CompanyAgreements } from "./company-agreement-schemas";

/** The dashboard's link to one agreement PDF of the current version. */
export const agreementPdfPath = (type: string) =>
  `/api/company/agreements/${encodeURIComponent(type)}`;

const calendarDay = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
/** A calendar day as Jiko gives it ("2025-09-01"), shown as that same day wherever one reads it. */
export const formatCalendarDay = (day: string) => calendarDay.format(new Date(`${day}T00:00:00Z`));
