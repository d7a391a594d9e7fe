import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@/": here("./"),
      // Server modules refuse to load outside React's server environment; tests are that environment.
      "server-only": here("./node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: [
      "{lib,server,sandbox,scripts,components}/**/*.test.ts",
      "app/**/*.test.tsx",
      "proxy.test.ts",
    ],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Sandboxes started by tests each take a core for a moment; two files at a time fit the machine.
    maxWorkers: 2,
  },
});
