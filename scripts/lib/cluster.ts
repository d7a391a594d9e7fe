/**
 * What production runs behind a load balancer, on one machine: several dashboard instances
 * (production build, served as `npm start` serves it) sharing one PostgreSQL, one AUTH_SECRET
 * and one Jiko client, against one embedded sandbox. The scale-out suite starts it; `stop()` ends
 * every process. Each process writes to its own log under `<dataDir>/logs`; a start-up failure
 * quotes the log.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { exportJWK, exportPKCS8, generateKeyPair } from "jose";
import { DASHBOARD_SCOPES } from "../../lib/jiko/scopes";
import { buildIsStale } from "./build";
import { type Postgres, startPostgres } from "./postgres";
import { sleep, waitForUrl } from "./processes";

export interface ClusterOptions {
  root: string;
  /** Wiped first: the sandbox's data and every process's log. */
  dataDir: string;
  appPorts: number[];
  apiPort: number;
  portalPort: number;
  /** Seconds; short, so refresh happens during the tests. */
  accessTokenTtl: number;
  refreshSkewSeconds: number;
  /** SANDBOX_RATE_LIMITS, e.g. `pockets=1000`: Jiko's per-minute limits raised for bursts. */
  rateLimits?: string;
}

export interface Cluster {
  appUrls: string[];
  apiUrl: string;
  portalUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

interface Proc {
  name: string;
  log: string;
  child: ChildProcess;
  exited: Promise<number>;
}

/** A detached process group (so stopping it reaches its children) logging to a file. */
function spawnLogged(
  name: string,
  o: { root: string; logDir: string; cmd: string; args: string[]; env: NodeJS.ProcessEnv },
): Proc {
  const log = path.join(o.logDir, `${name}.log`);
  const fd = openSync(log, "a");
  const child = spawn(o.cmd, o.args, {
    cwd: o.root,
    env: o.env,
    detached: true,
    stdio: ["ignore", fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<number>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );
  return { name, log, child, exited };
}

const running = (p: Proc) => p.child.exitCode === null && p.child.signalCode === null;

function signalGroup(p: Proc, signal: NodeJS.Signals) {
  try {
    process.kill(-p.child.pid!, signal);
  } catch {
    // already gone
  }
}

async function stopProc(p: Proc) {
  if (!running(p)) return;
  signalGroup(p, "SIGTERM");
  await Promise.race([p.exited, sleep(10_000)]);
  if (running(p)) signalGroup(p, "SIGKILL");
}

const tail = (file: string) =>
  existsSync(file) ? readFileSync(file, "utf8").slice(-3_000).trimEnd() : "(no output)";

/** Waits for a URL, or fails quoting the process's log when it dies or never answers. */
async function ready(p: Proc, url: string, timeoutMs: number) {
  try {
    await waitForUrl(url, { timeoutMs, abort: p.exited });
  } catch (err) {
    throw new Error(`${p.name}: ${(err as Error).message}\n--- ${p.log} ---\n${tail(p.log)}`);
  }
}

/** The dashboard's client at the portal, with every instance's redirect URI. */
async function registerClient(portalUrl: string, appUrls: string[]) {
  const { publicKey, privateKey } = await generateKeyPair("PS256", { extractable: true });
  const kid = randomBytes(8).toString("hex");
  const res = await fetch(`${portalUrl}/_sandbox/oauth-clients`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_name: "Treasury Desk",
      redirect_uris: appUrls.map((u) => `${u}/api/auth/callback/jiko`),
      scope: DASHBOARD_SCOPES.join(" "),
      grant_types: ["authorization_code", "refresh_token"],
      jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: "PS256", use: "sig" }] },
    }),
  });
  if (res.status !== 201) {
    throw new Error(`registering the dashboard failed: ${res.status} ${await res.text()}`);
  }
  const { client_id } = (await res.json()) as { client_id: string };
  return {
    JIKO_CLIENT_ID: client_id,
    JIKO_CLIENT_KEY_ID: kid,
    JIKO_CLIENT_PRIVATE_KEY: await exportPKCS8(privateKey),
  };
}

export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  const logDir = path.join(o.dataDir, "logs");
  rmSync(o.dataDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const procs: Proc[] = [];
  let postgres: Postgres | undefined;
  // Last resort if this process ends without stop(): no instance outlives it.
  const killAll = () => {
    for (const p of procs) if (running(p)) signalGroup(p, "SIGKILL");
  };
  process.on("exit", killAll);
  const stop = async () => {
    for (const p of [...procs].reverse()) await stopProc(p);
    process.off("exit", killAll);
    await postgres?.stop();
  };
  const start = (name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv) => {
    const p = spawnLogged(name, { root: o.root, logDir, cmd, args, env });
    procs.push(p);
    return p;
  };

  try {
    postgres = await startPostgres();
    const host = "127.0.0.1";
    const apiUrl = `http://${host}:${o.apiPort}`;
    const portalUrl = `http://${host}:${o.portalPort}`;
    const base: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    const sandbox = start("sandbox", process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
      ...base,
      SANDBOX_HOST: host,
      SANDBOX_API_PORT: String(o.apiPort),
      SANDBOX_PORTAL_PORT: String(o.portalPort),
      SANDBOX_DATA_DIR: path.join(o.dataDir, "sandbox"),
      SANDBOX_ACCESS_TOKEN_TTL: String(o.accessTokenTtl),
      SANDBOX_LOG_LEVEL: "warn",
      SANDBOX_RATE_LIMITS: o.rateLimits ?? "",
    });
    await ready(sandbox, `${apiUrl}/_sandbox/health`, 120_000);
    await ready(sandbox, `${portalUrl}/.well-known/openid-configuration`, 10_000);

    const appUrls = o.appPorts.map((port) => `http://localhost:${port}`);
    const shared: NodeJS.ProcessEnv = {
      ...base,
      JIKO_API_URL: apiUrl,
      JIKO_ISSUER: portalUrl,
      ...(await registerClient(portalUrl, appUrls)),
      AUTH_SECRET: randomBytes(48).toString("base64url"),
      DATABASE_URL: postgres.url,
      // Jiko delivers to the first instance only: the others hear through PostgreSQL.
      WEBHOOK_URL: `${appUrls[0]}/api/webhooks/jiko`,
      JIKO_REFRESH_SKEW_SECONDS: String(o.refreshSkewSeconds),
      LOG_LEVEL: "warn",
    };

    // One build for every instance, made before any of them serves it.
    if (buildIsStale(o.root)) {
      const nextBin = path.join(o.root, "node_modules", "next", "dist", "bin", "next");
      const build = start("build", process.execPath, [nextBin, "build"], {
        ...shared,
        NODE_ENV: "production",
      });
      if ((await build.exited) !== 0) {
        throw new Error(`next build failed\n--- ${build.log} ---\n${tail(build.log)}`);
      }
    }

    // One after another: each migrates the shared database at start, as a rollout would.
    const tsx = path.join(o.root, "node_modules", ".bin", "tsx");
    for (const [i, port] of o.appPorts.entries()) {
      const app = start(
        `app-${port}`,
        tsx,
        ["--conditions=react-server", "scripts/start.ts", "--no-build"],
        {
          ...shared,
          APP_URL: appUrls[i],
          PORT: String(port),
          TD_DATA_DIR: path.join(o.dataDir, `app-${port}`),
        },
      );
      await ready(app, `${appUrls[i]}/sign-in`, 120_000);
    }
    // Live updates by webhook, once the first instance has migrated the database.
    const subscribe = start(
      "subscribe",
      tsx,
      ["--conditions=react-server", "scripts/subscribe-dashboard.ts"],
      { ...shared, APP_URL: appUrls[0] },
    );
    if ((await subscribe.exited) !== 0) {
      throw new Error(`subscribing the dashboard failed\n${tail(subscribe.log)}`);
    }
    return { appUrls, apiUrl, portalUrl, databaseUrl: postgres.url, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
