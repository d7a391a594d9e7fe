import "server-only";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Pool } from "pg";
import { log } from "../log";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  kind: "pglite" | "postgres";
  /** PostgreSQL's address, for work that needs a connection of its own (migration lock). */
  databaseUrl?: string;
  close(): Promise<void>;
}

/**
 * PostgreSQL when DATABASE_URL is set (several app instances), else PGlite in one folder. PGlite
 * takes no lock, so exactly one process may open a folder: the app server, or the start script
 * before it.
 */
export function openDb(opts: { databaseUrl?: string; dataDir: string }): DbHandle {
  if (opts.databaseUrl) {
    const pool = new Pool({ connectionString: opts.databaseUrl, max: 10 });
    // A connection lost while idle (PostgreSQL restarting, a backend terminated by an admin or a
    // failover) is reported here; without a listener it would end the process. The pool opens a
    // new connection for the next query.
    pool.on("error", (err: Error & { code?: string }) =>
      log.warn(
        { code: err.code, detail: err.message },
        "an idle PostgreSQL connection was lost; the next query opens another",
      ),
    );
    return {
      db: drizzlePg(pool, { schema }) as unknown as Db,
      kind: "postgres",
      databaseUrl: opts.databaseUrl,
      close: () => pool.end(),
    };
  }
  // "memory://" keeps the database in memory (tests).
  if (!opts.dataDir.startsWith("memory://")) mkdirSync(opts.dataDir, { recursive: true });
  const client = new PGlite(opts.dataDir);
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: "pglite",
    close: () => client.close(),
  };
}
