import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Postgres, startPostgres } from "@/scripts/lib/postgres";
import { openDb } from "./client";

let server: Postgres;

beforeAll(async () => {
  server = await startPostgres({ database: "client_test" });
});
afterAll(async () => {
  await server?.stop();
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
