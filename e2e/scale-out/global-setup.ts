import path from "node:path";
import { fileURLToPath } from "node:url";
import { startCluster } from "../../scripts/lib/cluster";
import { SCALE } from "./env";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * PostgreSQL, the sandbox and the dashboard instances for the whole run. The function returned
 * is Playwright's global teardown: it runs after the tests, passed or failed; a failed start-up
 * stops whatever it had started before throwing.
 */
export default async function globalSetup() {
  const cluster = await startCluster({
    root,
    dataDir: path.join(root, SCALE.dataDir),
    appPorts: SCALE.appPorts,
    apiPort: SCALE.apiPort,
    portalPort: SCALE.portalPort,
    accessTokenTtl: SCALE.accessTokenTtl,
    refreshSkewSeconds: SCALE.refreshSkewSeconds,
    rateLimits: SCALE.rateLimits,
  });
  return () => cluster.stop();
}
