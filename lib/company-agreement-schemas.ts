/**
 * The agreements as the browser gets them: the current version, its documents without Jiko's
 * signed links (each PDF is fetched through the dashboard at the moment it is asked for), and the
 * company's consent to that version, if given. lib/company-agreements.ts holds the pure side.
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
