/** Business applications as Jiko answers them, built from a draft, for tests. */
import { BusinessApplication, type BusinessApplicationDraft } from "./jiko/applications";

type DocumentFlagKey =
  | "id_verification_documents_needed"
  | "identification_number_verification_document_needed"
  | "address_verification_document_needed";

/** A draft as Jiko answers it, built from what the steps send (owners' SSNs masked). */
export function applicationOf(
  draft: BusinessApplicationDraft,
  status = "CREATED",
  extra: Partial<Pick<BusinessApplication, "documents" | DocumentFlagKey>> = {},
) {
  return BusinessApplication.parse({
    id: "0b8f0a52-5b0b-4d55-9d59-36b1c1d4a001",
    status,
    business_name: draft.business_name ?? null,
    identification_number: draft.identification_number ?? null,
    email: draft.email ?? null,
    phone_number: draft.phone_number ?? null,
    address: draft.address ?? null,
    agreement_consent: draft.agreement_consent ?? null,
    beneficial_owners: (draft.beneficial_owners ?? []).map((o, i) => ({
      id: `0b8f0a52-5b0b-4d55-9d59-36b1c1d4a10${i}`,
      title: null,
      name: o.name,
      address: o.address,
      date_of_birth: o.date_of_birth,
      identification_number: `*****${o.identification_number.replace(/\D/g, "").slice(-4)}`,
      phone_number: null,
      email: null,
      roles: o.roles,
      ownership_percentage: o.ownership_percentage ?? null,
      citizenship: null,
      object_type: "BusinessIndividual",
    })),
    id_verification_documents_needed: false,
    identification_number_verification_document_needed: false,
    address_verification_document_needed: false,
    documents: [],
    customer_id: null,
    team_id: null,
    created_at: "2026-12-02T10:00:00Z",
    updated_at: "2026-12-02T10:00:00Z",
    submitted_at: null,
    object_type: "BusinessApplication",
    ...extra,
  });
}
