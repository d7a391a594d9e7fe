/**
 * Security headers shared by proxy.ts (pages) and next.config.ts (everything else, API answers
 * among them). No server-only import: next.config.ts reads it at build and start.
 */

/** Two years, subdomains included: the preload list's minimum, sent only over https. */
export const HSTS = "max-age=63072000; includeSubDomains";

/** API answers are JSON or files: they load nothing and may be framed by no one. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";
