import "server-only";
import type { z } from "zod";
import {
  type CompanyAgreements,
  CompanyAgreements as Schema,
} from "@/lib/company-agreement-schemas";
import type { AgreementType } from "@/lib/jiko/company";
import { ApiError } from "../api/guard";
import { attachment, expectKind } from "../downloads/files";
import { fetchJikoLink } from "../downloads/jiko-link";
import type { JikoClient } from "../jiko";

type Jiko = Pick<JikoClient, "agreements" | "agreementAcknowledgements" | "acknowledgeAgreement">;
type LinkOptions = { origins?: readonly string[] };

/** The current version and whether (and by whom) the company consented to it. */
export async function companyAgreements(jiko: Jiko): Promise<CompanyAgreements> {
  const [current, consents] = await Promise.all([
    jiko.agreements(),
    jiko.agreementAcknowledgements(),
  ]);
  return Schema.parse({
    version: current.version,
    release_date: current.release_date,
    // Jiko's signed links stay on the server: they are minutes long and open the file to anyone.
    documents: current.documents.map(({ title, type, category }) => ({ title, type, category })),
    acknowledgement: consents.items.find((a) => a.version === current.version) ?? null,
  });
}

/** Consent to a version; Jiko refuses any but the current one (its 422 names the version). */
export function acknowledgeAgreement(jiko: Jiko, version: string) {
  return jiko.acknowledgeAgreement({ version });
}

/**
 * One PDF of the current agreements: Jiko's links last minutes, so the agreements are read again
 * now and the file fetched from Jiko's hosts and streamed on, never stored.
 */
export async function agreementDownload(
  jiko: Pick<JikoClient, "agreements">,
  type: z.infer<typeof AgreementType>,
  o: LinkOptions = {},
): Promise<Response> {
  const current = await jiko.agreements();
  const doc = current.documents.find((d) => d.type === type);
  if (!doc) throw new ApiError("not-found", "That agreement is not in the current version.");
  const res = await fetchJikoLink(doc.pdf_download_url, {
    what: "agreement",
    timeoutMs: 30_000,
    ...o,
  });
  const body = await expectKind(res.body!, "pdf");
  if (!body) throw new ApiError("unavailable", "Jiko sent the agreement in an unexpected form.");
  return attachment(body, { kind: "pdf", fileName: `${doc.title}-${current.version}.pdf` });
}
