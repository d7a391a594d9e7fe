import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Postgres, startPostgres } from "@/scripts/lib/postgres";
import { openDb } from "./client";
import { migrateDb } from "./migrate";

let server: Postgres;

beforeAll(async () => {
  server = await startPostgres({ database: "migrate_test" });
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
