/**
 * Security headers shared by proxy.ts (pages), next.config.ts (everything else, API answers among
 * them) and the production server's own answers: its precompressed assets
 * (scripts/lib/precompressed-assets.ts) and the API reads it serves (scripts/lib/api-reads.ts).
 * No server-only import: next.config.ts reads it at build and start.
 */

/** Every answer's baseline, whatever serves it. */
export const BASELINE_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** Two years, subdomains included: the preload list's minimum, sent only over https. */
export const HSTS = "max-age=63072000; includeSubDomains";

/** API answers are JSON or files: they load nothing and may be framed by no one. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";
