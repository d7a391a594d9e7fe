/**
 * `npm start` (production build) and `npm run dev`: with no JIKO_API_URL, starts the embedded
 * Jiko sandbox beside the dashboard and wires the dashboard to it; with one, runs the dashboard
 * against that Jiko. Validates the configuration, migrates the database, builds when the build is
 * missing or stale, compresses its scripts and styles once, then serves (scripts/serve.ts).
 * Flags: --dev (next dev), --reset (wipe the data folder first),
 * --seed-size medium|large (a fresh embedded sandbox seeds ~10,000 or ~1,000,000 transactions),
 * --no-build (serve the existing build as it is: several instances share one .next folder, and
 * one rebuilding it would pull it from under the others).
 * Run with `tsx --conditions=react-server` so server modules can be imported here.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { openDb } from "../server/db/client";
import { migrateDb } from "../server/db/migrate";
import { authSecrets, EnvError, parseEnv } from "../server/env";
import { buildIsStale } from "./lib/build";
import { ensureClient, ensureSecret, seededPeople, subscribeDashboard } from "./lib/embedded-jiko";
import { precompressAssets } from "./lib/precompressed-assets";
import { run, waitForUrl } from "./lib/processes";

const args = new Set(process.argv.slice(2));
const seedSizeAt = process.argv.indexOf("--seed-size");
const seedSize = seedSizeAt > 0 ? process.argv[seedSizeAt + 1] : undefined;
const dev = args.has("--dev");
const root = process.cwd();
const dataDir = path.resolve(process.env.TD_DATA_DIR || ".data");
const port = Number(process.env.PORT || 3000);
const children: ReturnType<typeof run>[] = [];
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function stopAll(code: number): never {
  for (const c of children) if (c.child.exitCode === null) c.child.kill("SIGTERM");
  process.exit(code);
}
process.on("SIGINT", () => stopAll(130));
process.on("SIGTERM", () => stopAll(143));

async function startSandbox(env: NodeJS.ProcessEnv) {
  const host = process.env.SANDBOX_HOST || "127.0.0.1";
  const apiUrl = `http://${host}:${process.env.SANDBOX_API_PORT || 4010}`;
  const portalUrl = `http://${host}:${process.env.SANDBOX_PORTAL_PORT || 4011}`;
  const sandbox = run(
    process.execPath,
    ["--import", "tsx", "sandbox/main.ts", ...(seedSize ? ["--seed-size", seedSize] : [])],
    { ...env, SANDBOX_DATA_DIR: path.join(dataDir, "sandbox") },
  );
  children.push(sandbox);
  // A large seed takes minutes; the standard one seconds.
  const seedMs = seedSize && seedSize !== "standard" ? 30 * 60_000 : 60_000;
  await waitForUrl(`${apiUrl}/_sandbox/health`, { timeoutMs: seedMs, abort: sandbox.exited });
  await waitForUrl(`${portalUrl}/.well-known/openid-configuration`, {
    timeoutMs: 10_000,
    abort: sandbox.exited,
  });
  return { apiUrl, portalUrl };
}

async function main() {
  if (args.has("--reset")) rmSync(dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };
  env.APP_URL ||= `http://localhost:${port}`;
  let sandbox: { apiUrl: string; portalUrl: string } | undefined;

  if (!env.JIKO_API_URL) {
    sandbox = await startSandbox(env);
    const client = await ensureClient(sandbox.portalUrl, env.APP_URL, dataDir);
    Object.assign(env, {
      JIKO_API_URL: sandbox.apiUrl,
      JIKO_ISSUER: sandbox.portalUrl,
      JIKO_CLIENT_ID: client.client_id,
      JIKO_CLIENT_KEY_ID: client.kid,
      JIKO_CLIENT_PRIVATE_KEY: client.private_key_pem,
    });
    env.AUTH_SECRET ||= ensureSecret(dataDir);
    env.APP_DATA_DIR ||= path.join(dataDir, "app");
  }

  const config = parseEnv(env);
  const database = openDb({
    databaseUrl: config.DATABASE_URL,
    dataDir: path.resolve(config.APP_DATA_DIR),
  });
  await migrateDb(database, root);
  if (sandbox) {
    // Live updates by webhook from the embedded sandbox, as an admin would set them up at Jiko.
    const webhookUrl = config.WEBHOOK_URL ?? `${config.APP_URL}/api/webhooks/jiko`;
    await subscribeDashboard(sandbox.apiUrl, webhookUrl, database.db, authSecrets(config));
  }
  await database.close();

  if (!dev && !args.has("--no-build") && buildIsStale(root)) {
    console.info("Building Treasury Desk…");
    const build = run(process.execPath, [nextBin, "build"], { ...env, NODE_ENV: "production" });
    if ((await build.exited) !== 0) stopAll(1);
  }

  if (!dev) {
    // Without these files the server still compresses each script as it sends it.
    const written = await precompressAssets(path.join(root, ".next", "static")).catch((error) => {
      console.warn(`The scripts and styles could not be compressed ahead: ${error}`);
      return 0;
    });
    if (written) console.info(`Compressed ${written} script and style files for serving.`);
  }
  const app = dev
    ? run(process.execPath, [nextBin, "dev", "-p", String(port), "-H", "localhost"], env)
    : run(
        process.execPath,
        [
          "--import",
          "tsx/esm",
          "scripts/serve.ts",
          "--port",
          String(port),
          "--hostname",
          "localhost",
        ],
        env,
      );
  children.push(app);
  for (const c of children) c.exited.then((code) => stopAll(code || 1));
  await waitForUrl(`${config.APP_URL}/sign-in`, { timeoutMs: 120_000, abort: app.exited });

  const lines = [`\nTreasury Desk is running at ${config.APP_URL}`];
  if (sandbox) {
    lines.push(
      `Embedded Jiko sandbox: API ${sandbox.apiUrl} · portal ${sandbox.portalUrl}`,
      "Sign in as:",
    );
    for (const p of await seededPeople(sandbox.apiUrl)) {
      if (p.status !== "ACTIVE") continue;
      const roles = p.teams
        .filter((t) => t.member_status === "ACTIVE")
        .map((t) => `${t.role} of ${t.team_name}`);
      lines.push(`  ${p.email.padEnd(36)} ${p.name} (${roles.join("; ")})`);
    }
    lines.push(
      `Password: ${process.env.SANDBOX_PASSWORD || "jiko-sandbox"} · the verification code is shown on the portal page.`,
    );
  }
  console.info(`${lines.join("\n")}\n`);
}

main().catch((error) => {
  console.error(
    error instanceof EnvError
      ? error.message
      : `Treasury Desk could not start: ${error instanceof Error ? error.message : error}`,
  );
  stopAll(1);
});
