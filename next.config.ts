import type { NextConfig } from "next";
import { API_POLICY, BASELINE_HEADERS, HSTS } from "./server/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm start` compresses answers itself, with brotli where the browser takes it
  // (scripts/serve.ts); Next's own compression speaks gzip only.
  compress: false,
  // PGlite ships WASM and data files it loads from its own folder: keep it out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pino"],
  // `npm run typecheck` checks the whole project (sandbox, scripts and tests too) in `npm test`;
  // the build does not repeat it, which keeps `npm start` on a fresh clone quick.
  typescript: { ignoreBuildErrors: true },
  // The stylesheet comes inside the page's HTML instead of as a request of its own: a cold load
  // paints without waiting for it, which brought the largest paint forward by about 100 ms on
  // every measured page (bench:first-figure). The cost is about 25 kB more compressed HTML per
  // full page load (Next writes the CSS into the HTML and twice into its RSC payload); moves
  // between pages inside the app carry none of it.
  experimental: {
    inlineCss: true,
    // Turbopack leaves chunks under 50 kB (raw) apart; at 150 kB it merges the shell's five small
    // chunks into one and the framework's root chunks into fewer: 9 scripts a page instead of 12
    // or 13, about 2.2 kB less compressed (a larger compression window) plus about 0.45 kB of
    // headers per script saved. What a move between pages fetches is unchanged (130 kB summed over
    // the pages reached from the overview, either way), so nothing is fetched twice.
    turbopackChunking: { minChunkSize: 150_000 },
  },
  // proxy.ts sets these (and the CSP) on pages; this baseline also covers what it skips: API
  // answers, static assets and router prefetches. The production server gives the API reads it
  // answers itself the same (scripts/lib/api-reads.ts: apiAnswerHeaders).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: BASELINE_HEADERS,
      },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_POLICY }] },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        // Pages also send it whenever they are served over https (proxy.ts); HSTS holds for the
        // whole host, so an API answer without it loses nothing.
        headers: [{ key: "Strict-Transport-Security", value: HSTS }],
      },
    ];
  },
};

export default nextConfig;
