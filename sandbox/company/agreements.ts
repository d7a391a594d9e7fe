/**
 * Jiko's agreements as the sandbox publishes them: versions with their documents (titles, types
 * and categories from Jiko's enums) and a PDF for each, rendered on demand. The newest released
 * version is the one `GET /api/v1/agreements/` answers and the only one that may be acknowledged.
 */
import type { z } from "zod";
import type { AgreementCategory, AgreementType } from "../../lib/jiko/company";
import { renderPdf } from "../documents/pdf";

interface AgreementDoc {
  title: string;
  type: z.infer<typeof AgreementType>;
  category: z.infer<typeof AgreementCategory>;
}
export interface AgreementVersion {
  version: string;
  releaseDate: string;
  documents: AgreementDoc[];
}

const DOCS_2024: AgreementDoc[] = [
  { title: "Terms of Use", type: "TERMS_OF_USE", category: "GENERAL" },
  { title: "Privacy Policy", type: "PRIVACY_POLICY", category: "GENERAL" },
  { title: "Bank Account Agreement", type: "BANK_ACCOUNT", category: "BANK" },
  { title: "Brokerage Agreement", type: "BROKERAGE", category: "BROKERAGE" },
  { title: "Form CRS", type: "FORM_CRS", category: "BROKERAGE" },
  { title: "E-Sign Consent", type: "ELECTRONIC_COMMUNICATIONS", category: "E-SIGN" },
];

/** Oldest first; the last released on or before today is current. */
export const AGREEMENT_VERSIONS: AgreementVersion[] = [
  { version: "2024.1", releaseDate: "2024-01-15", documents: DOCS_2024 },
  {
    version: "2025.2",
    releaseDate: "2025-09-01",
    documents: [
      ...DOCS_2024,
      { title: "US Treasuries Risk Disclosure", type: "US_TREASURIES_RISK", category: "BROKERAGE" },
      { title: "Fee Notice", type: "FEE_NOTICE", category: "BANK" },
    ],
  },
];

export function currentAgreement(today: string): AgreementVersion {
  const released = AGREEMENT_VERSIONS.filter((v) => v.releaseDate <= today);
  return released.at(-1) ?? AGREEMENT_VERSIONS[0]!;
}

export const agreementDocId = (version: string, type: string) => `${version}|${type}`;

export function agreementPdf(id: string): Promise<Uint8Array> | undefined {
  const [version, type] = id.split("|");
  const v = AGREEMENT_VERSIONS.find((x) => x.version === version);
  const doc = v?.documents.find((d) => d.type === type);
  if (!v || !doc) return undefined;
  return renderPdf({
    title: doc.title,
    subtitle: `Version ${v.version} · released ${v.releaseDate}`,
    sections: [
      {
        title: "About this document",
        pairs: [
          ["Agreement", doc.title],
          ["Type", doc.type],
          ["Category", doc.category],
          ["Version", v.version],
        ],
      },
      {
        title: "Sandbox",
        pairs: [["Note", "Sample text: the Jiko sandbox does not hold the legal wording."]],
      },
    ],
    footer: `Jiko sandbox · ${doc.title} ${v.version}`,
  });
}
