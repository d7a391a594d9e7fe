/** Where the end-to-end suite runs: loopback only, never a real Jiko. */
export const E2E = {
  appPort: 3100,
  apiPort: 4110,
  portalPort: 4111,
  accessTokenTtl: 5,
  get appUrl() {
    return `http://localhost:${this.appPort}`;
  },
  get apiUrl() {
    return `http://127.0.0.1:${this.apiPort}`;
  },
  get portalUrl() {
    return `http://127.0.0.1:${this.portalPort}`;
  },
  password: process.env.SANDBOX_PASSWORD || "jiko-sandbox",
};

for (const url of [E2E.appUrl, E2E.apiUrl, E2E.portalUrl, process.env.JIKO_API_URL].filter(
  Boolean,
)) {
  const host = new URL(url as string).hostname;
  if (!["localhost", "127.0.0.1", "[::1]"].includes(host)) {
    throw new Error(`End-to-end tests only run against a local Jiko sandbox, not ${url}`);
  }
}

/**
 * Debian's Chromium (Playwright cannot download its own here), with the flags a closed network
 * needs: without them it stalls on background connections.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
  ],
};
