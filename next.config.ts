import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite ships WASM and data files it loads from its own folder: keep it out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pino"],
  typedRoutes: false,
};

export default nextConfig;
