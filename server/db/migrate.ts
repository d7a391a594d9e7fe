import "server-only";
import path from "node:path";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { DbHandle } from "./client";

/** Applies server/db/migrations. Run by scripts/start before the app server opens the database. */
export async function migrateDb(handle: DbHandle, root = process.cwd()): Promise<void> {
  const migrationsFolder = path.join(root, "server", "db", "migrations");
  if (handle.kind === "postgres") {
    await migratePg(handle.db as unknown as NodePgDatabase, { migrationsFolder });
  } else {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
  }
}
