/**
 * `npm run sandbox` (`--reset` wipes and reseeds the data folder; `--seed-size medium|large` seeds
 * about 10,000 or a million transactions): the embedded Jiko on two origins until SIGINT/SIGTERM.
 */
import path from "node:path";
import { ConfigError, readConfig } from "./config";
import { DataDirInUseError } from "./db/open";
import { SEED_SIZES, type SeedSize } from "./ledger/seed-history";
import { startSandbox } from "./server";

/** `--seed-size medium|large` (or `--seed-size=…`): more transactions on a fresh seed. */
function seedSizeArg(): SeedSize {
  const args = process.argv;
  const i = args.indexOf("--seed-size");
  const value = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith("--seed-size="))?.slice(12);
  if (value === undefined) return "standard";
  if (value in SEED_SIZES) return value as SeedSize;
  console.error(
    `Jiko sandbox: --seed-size must be one of ${Object.keys(SEED_SIZES).join(", ")}, not "${value}"`,
  );
  process.exit(2);
}

async function main() {
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Jiko sandbox: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }

  const sandbox = await startSandbox({
    dataDir: path.resolve(config.SANDBOX_DATA_DIR),
    host: config.SANDBOX_HOST,
    apiPort: config.SANDBOX_API_PORT,
    portalPort: config.SANDBOX_PORTAL_PORT,
    accessTokenTtl: config.SANDBOX_ACCESS_TOKEN_TTL,
    password: config.SANDBOX_PASSWORD,
    reset: process.argv.includes("--reset"),
    seedSize: seedSizeArg(),
    logLevel: config.SANDBOX_LOG_LEVEL,
    rateLimits: config.SANDBOX_RATE_LIMITS,
  });
  console.info(`Jiko sandbox ready: API ${sandbox.apiUrl} · portal ${sandbox.portalUrl}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    try {
      await sandbox.close();
      process.exit(0);
    } catch (err) {
      console.error(`Jiko sandbox: failed to stop cleanly on ${signal}`, err);
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === "EADDRINUSE") {
    console.error(`Jiko sandbox: port already in use (${e.message}). Is another sandbox running?`);
  } else if (err instanceof DataDirInUseError) {
    console.error(`Jiko sandbox: ${err.message}`);
  } else {
    console.error(`Jiko sandbox failed to start: ${e?.stack ?? String(err)}`);
  }
  process.exit(1);
});
