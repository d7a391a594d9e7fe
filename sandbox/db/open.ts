import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle, type PgliteDatabase } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import * as schema from "./schema";

/** The database, with the PGlite client under it (`queryRaw` speaks the wire protocol to it). */
export type SandboxDb = PgliteDatabase<typeof schema> & { $client: PGlite };
/** A transaction of the sandbox database. */
export type SandboxTx = Parameters<Parameters<SandboxDb["transaction"]>[0]>[0];
/** Functions that write inside the caller's transaction take either. */
export type DbOrTx = SandboxDb | SandboxTx;

export interface DbHandle {
  db: SandboxDb;
  close(): Promise<void>;
}

/** Fixed relative to this module, so it works from any working directory. */
const MIGRATIONS = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * A fresh PGlite costs ~3 s of initdb; loading a dump of an already-migrated empty database costs
 * ~1 s. The dump is cached in the OS temp folder, named by PGlite's version and the migrations'
 * hash, so any change to either makes a new one. It holds no data: seeding happens after.
 */
function pgliteVersion(): string {
  // The package does not export its package.json: find it above the resolved entry point.
  let dir = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "@electric-sql/pglite") return pkg.version ?? "unknown";
    }
    dir = path.dirname(dir);
  }
  return "unknown";
}

function templateFile(): string {
  const version = pgliteVersion();
  const hash = createHash("sha256");
  for (const file of readdirSync(MIGRATIONS, { recursive: true }).map(String).sort()) {
    const full = path.join(MIGRATIONS, file);
    if (file.endsWith(".sql") || file.endsWith(".json"))
      hash.update(file).update(readFileSync(full));
  }
  return path.join(
    tmpdir(),
    `jiko-sandbox-pglite-${version}-${hash.digest("hex").slice(0, 16)}.tar.gz`,
  );
}

async function saveTemplate(client: PGlite, file: string) {
  const dump = await client.dumpDataDir("gzip");
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file); // atomic: concurrent test workers never read half a file
}

export class DataDirInUseError extends Error {}

/** Folders this process holds, beside the lock files other processes can see. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite takes no lock and two writers corrupt a folder, so the sandbox keeps `<folder>.lock`
 * (its pid) beside it, and refuses a folder held by a live process — before any --reset wipes it.
 */
function lockDataDir(dataDir: string): () => void {
  const key = path.resolve(dataDir);
  const lock = `${key}.lock`;
  const refuse = (pid: number | string) => {
    throw new DataDirInUseError(
      `data folder ${key} is in use by process ${pid} (one sandbox per folder)`,
    );
  };
  if (held.has(key)) refuse(process.pid);
  mkdirSync(path.dirname(key), { recursive: true });
  try {
    writeFileSync(lock, String(process.pid), { flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    const pid = Number(readFileSync(lock, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) refuse(pid);
    writeFileSync(lock, String(process.pid)); // stale: its owner died without cleaning up
  }
  held.add(key);
  return () => {
    held.delete(key);
    rmSync(lock, { force: true });
  };
}

const isFresh = (dataDir: string | undefined) =>
  dataDir === undefined || !existsSync(path.join(dataDir, "PG_VERSION"));

/**
 * Opens the sandbox database: in memory when `dataDir` is undefined (tests), else file-backed.
 * PGlite neither creates parent folders nor locks the folder, so we mkdir first and the caller
 * must make sure one process owns the folder. `reset` wipes the folder before opening.
 */
export async function openDb(dataDir: string | undefined, reset = false): Promise<DbHandle> {
  const unlock = dataDir === undefined ? () => {} : lockDataDir(dataDir);
  try {
    return await open(dataDir, reset, unlock);
  } catch (err) {
    unlock();
    throw err;
  }
}

async function open(
  dataDir: string | undefined,
  reset: boolean,
  unlock: () => void,
): Promise<DbHandle> {
  if (dataDir !== undefined) {
    if (reset) rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
  }
  const fresh = isFresh(dataDir);
  const template = fresh ? templateFile() : undefined;
  let client: PGlite | undefined;
  if (template && existsSync(template)) {
    try {
      const loadDataDir = new Blob([readFileSync(template)]);
      client =
        dataDir === undefined ? new PGlite({ loadDataDir }) : new PGlite(dataDir, { loadDataDir });
      await client.waitReady;
    } catch {
      // A damaged template: forget it and start from initdb.
      rmSync(template, { force: true });
      if (dataDir !== undefined) {
        rmSync(dataDir, { recursive: true, force: true });
        mkdirSync(dataDir, { recursive: true });
      }
      client = undefined;
    }
  }
  const usedTemplate = client !== undefined;
  client ??= dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await client.waitReady;
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  if (template && !usedTemplate) {
    await saveTemplate(client, template).catch(() => undefined);
  }
  const pglite = client;
  return {
    db,
    close: async () => {
      await pglite.close();
      unlock();
    },
  };
}
