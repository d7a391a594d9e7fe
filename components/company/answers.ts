/**
 * What the company routes answer, checked in the browser. The hooks and the upload load this
 * module with the first answer they check (lib/api-client.ts), so zod stays out of the company
 * page's first load.
 */
export { CompanyAgreements } from "@/lib/company-agreement-schemas";
export {
  AgreementAcknowledgement,
  DocumentList,
  ListBeneficialOwnersResponse,
  UploadDocumentResponse,
} from "@/lib/jiko/company";
export { Customer } from "@/lib/jiko/customer";
