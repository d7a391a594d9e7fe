/**
 * The agreements as the browser gets them: the current version, its documents without Jiko's
 * signed links (each PDF is fetched through the dashboard at the moment it is asked for), and the
 * company's consent to that version, if given.
 */
import { z } from "zod";
import { AgreementAcknowledgement, AgreementDocument } from "./jiko/company";

export const CompanyAgreements = z.object({
  version: z.string(),
  release_date: z.iso.date(),
  documents: z.array(AgreementDocument.omit({ pdf_download_url: true })),
  acknowledgement: AgreementAcknowledgement.nullable(),
});
export type CompanyAgreements = z.infer<typeof CompanyAgreements>;

export const AcknowledgeBody = z.strictObject({ version: z.string().min(1).max(40) });

/** The dashboard's link to one agreement PDF of the current version. */
export const agreementPdfPath = (type: string) =>
  `/api/company/agreements/${encodeURIComponent(type)}`;

const calendarDay = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
/** A calendar day as Jiko gives it ("2025-09-01"), shown as that same day wherever one reads it. */
export const formatCalendarDay = (day: string) => calendarDay.format(new Date(`${day}T00:00:00Z`));
