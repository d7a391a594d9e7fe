import "server-only";
import path from "node:path";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Client } from "pg";
import type { DbHandle } from "./client";

/** Any constant shared by every instance: "TDMG" in ASCII. */
const MIGRATION_LOCK = 0x54444d47;

/**
 * Several instances starting at once against one PostgreSQL would each apply the same migration:
 * a session-level advisory lock on a connection of its own lets one migrate while the others wait
 * (and then find nothing left to do). Closing the connection releases the lock even on failure.
 */
async function withMigrationLock<T>(databaseUrl: string, run: () => Promise<T>): Promise<T> {
  const lock = new Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    return await run();
  } finally {
    await lock.end();
  }
}

/** Applies server/db/migrations. Run by scripts/start before the app server opens the database. */
export async function migrateDb(handle: DbHandle, root = process.cwd()): Promise<void> {
  const migrationsFolder = path.join(root, "server", "db", "migrations");
  if (handle.kind === "postgres") {
    await withMigrationLock(handle.databaseUrl!, () =>
      migratePg(handle.db as unknown as NodePgDatabase, { migrationsFolder }),
    );
  } else {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
  }
}
