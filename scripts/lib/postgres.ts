/**
 * A throwaway PostgreSQL server (Debian's packages) for tests and local runs of several dashboard
 * instances: initdb in a temporary folder, loopback only on a free port, trust authentication,
 * one database. `stop()` stops it and removes the folder; so does this process's exit or a
 * signal. initdb and postgres refuse to run as root, so as root they run as the `postgres` user.
 */
import { type SpawnSyncOptions, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export interface Postgres {
  /** `postgres://postgres@127.0.0.1:<port>/<database>` */
  url: string;
  port: number;
  /** The temporary folder holding the cluster and its log; gone after stop(). */
  dir: string;
  stop(): Promise<void>;
}

export class PostgresNotInstalledError extends Error {}

const DEBIAN_ROOT = "/usr/lib/postgresql";
const PREFERRED_MAJOR = "15";

/** The bin folder of an installed PostgreSQL: 15 if present, else the newest. */
export function postgresBinDir(root = DEBIAN_ROOT): string {
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(path.join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const major = majors.includes(PREFERRED_MAJOR) ? PREFERRED_MAJOR : majors[0];
  if (!major) {
    throw new PostgresNotInstalledError(
      `PostgreSQL is not installed: no ${root}/<version>/bin/initdb (apt-get install postgresql)`,
    );
  }
  return path.join(root, major, "bin");
}

/** uid and gid of the `postgres` OS user, from /etc/passwd. */
function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (uid === undefined || gid === undefined) {
    throw new PostgresNotInstalledError(
      "PostgreSQL cannot run as root and there is no postgres user (apt-get install postgresql)",
    );
  }
  return { uid: Number(uid), gid: Number(gid) };
}

export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export async function startPostgres(opts: { database?: string } = {}): Promise<Postgres> {
  const bin = postgresBinDir();
  const database = opts.database ?? "treasury_desk";
  const asUser = process.getuid?.() === 0 ? postgresUser() : undefined;
  const base = mkdtempSync(path.join(tmpdir(), "td-postgres-"));
  if (asUser) chownSync(base, asUser.uid, asUser.gid);
  const dataDir = path.join(base, "data");
  const logFile = path.join(base, "server.log");
  // The cwd must be readable by the postgres user: the project folder may not be.
  const spawnOpts: SpawnSyncOptions = { cwd: base, encoding: "utf8", ...asUser };
  const tool = (name: string, args: string[]) => {
    const r = spawnSync(path.join(bin, name), args, spawnOpts);
    if (r.status !== 0) {
      const log = existsSync(logFile) ? readFileSync(logFile, "utf8").slice(-2000) : "";
      throw new Error(`${name} failed (${r.error?.message ?? r.status}): ${r.stderr}${log}`);
    }
  };

  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(path.join(dataDir, "postmaster.pid"))) {
      spawnSync(path.join(bin, "pg_ctl"), ["stop", "-D", dataDir, "-m", "fast", "-w"], spawnOpts);
    }
    rmSync(base, { recursive: true, force: true });
    // Only now: a second signal arriving meanwhile must not kill us halfway through.
    for (const s of SIGNALS) process.off(s, onSignal);
    process.off("exit", stopNow);
  };
  // Stop on a signal, then let it do what it would have done (end the process) unless someone
  // else (a test runner) handles it.
  function onSignal(signal: NodeJS.Signals) {
    stopNow();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  }
  process.on("exit", stopNow);
  for (const s of SIGNALS) process.on(s, onSignal);

  try {
    tool("initdb", [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--auth=trust",
      "--encoding=UTF8",
      "--locale=C",
      "--no-sync",
    ]);
    const port = await freePort();
    // No Unix socket (its default folder is the system's); durability is not needed here.
    const options = [
      "-c listen_addresses=127.0.0.1",
      `-p ${port}`,
      "-c unix_socket_directories=''",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
    ].join(" ");
    tool("pg_ctl", ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", options]);

    const admin = new pg.Client({
      connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
    });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    } finally {
      await admin.end();
    }
    return {
      url: `postgres://postgres@127.0.0.1:${port}/${database}`,
      port,
      dir: base,
      stop: async () => stopNow(),
    };
  } catch (err) {
    stopNow();
    throw err;
  }
}
