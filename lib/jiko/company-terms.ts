// No zod here: the company page checks chosen files with these at first load (lib/jiko/company.ts
// holds the schemas and the contract's notes).

/**
 * INFERRED file rules: the applications guide asks for images under 5 MB; PDFs are accepted too
 * (articles, statements). The body must start with the declared type's signature.
 */
export const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;
export const DOCUMENT_CONTENT_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
