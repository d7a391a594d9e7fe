/** What the document upload route accepts (lib/company-files.ts holds labels and file checks). */
import { z } from "zod";
import { COMPANY_DOCUMENT_TYPES } from "./company-files";

export const CompanyDocumentType = z.enum(COMPANY_DOCUMENT_TYPES, "Choose the document's type");

/** The upload's query string: which kind of document the file is. */
export const UploadQuery = z.object({ type: CompanyDocumentType });
