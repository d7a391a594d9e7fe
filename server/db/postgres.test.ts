import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Postgres, startPostgres } from "@/scripts/lib/postgres";
import { openDb } from "./client";
import { migrateDb } from "./migrate";

/** The database layer on a real PostgreSQL (what DATABASE_URL selects), one server for all. */
let server: Postgres;

beforeAll(async () => {
  server = await startPostgres({ database: "db_test" });
});
afterAll(async () => {
  await server?.stop();
});

describe("migrations on PostgreSQL", () => {
  it("two instances starting at once migrate once, both without error", async () => {
    const one = openDb({ databaseUrl: server.url, dataDir: "unused" });
    const two = openDb({ databaseUrl: server.url, dataDir: "unused" });
    try {
      await Promise.all([migrateDb(one), migrateDb(two)]);
      const applied = await one.db.execute(
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      const files = (await import("./migrations/meta/_journal.json")).default.entries.length;
      expect((applied as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(files);
      await one.db.execute(sql`select session_token, lease_until from session_grants limit 1`);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});

describe("the PostgreSQL pool", () => {
  it("survives its idle connections being terminated, and the next query opens another", async () => {
    const handle = openDb({ databaseUrl: server.url, dataDir: "unused" });
    try {
      const pid = async () =>
        (
          (await handle.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
            rows: { pid: number }[];
          }
        ).rows[0]!.pid;
      const first = await pid();

      // As an admin or a restarting server does: the idle connection hears 57P01 and closes.
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      try {
        await admin.query("select pg_terminate_backend($1)", [first]);
      } finally {
        await admin.end();
      }
      // The termination reaches the idle connection as an error event: without the pool's
      // listener, that is an uncaught exception here.
      await new Promise((resolve) => setTimeout(resolve, 200));

      const second = await pid();
      expect(second).not.toBe(first);
    } finally {
      await handle.close();
    }
  });
});
