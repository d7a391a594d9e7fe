import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite ships WASM and data files it loads from its own folder: keep it out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pino"],
  // `npm run typecheck` checks the whole project (sandbox, scripts and tests too) in `npm test`;
  // the build does not repeat it, which keeps `npm start` on a fresh clone quick.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
