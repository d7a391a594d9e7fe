import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { PostgresNotInstalledError, postgresBinDir, startPostgres } from "./postgres";

describe("startPostgres", () => {
  it("serves a fresh database on loopback until stopped, then leaves nothing behind", async () => {
    const server = await startPostgres({ database: "scale_test" });
    try {
      expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/scale_test`);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query(
        "select current_database() as db, host(inet_server_addr()) as addr, current_setting('server_version_num')::int as version",
      );
      await client.end();
      expect(rows[0]).toMatchObject({ db: "scale_test", addr: "127.0.0.1" });
      expect(rows[0].version).toBeGreaterThanOrEqual(150000);
      expect(existsSync(server.dir)).toBe(true);
    } finally {
      await server.stop();
    }
    expect(existsSync(server.dir)).toBe(false);
    const late = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 2000 });
    await expect(late.connect()).rejects.toThrow();
  });

  it("says in one line that PostgreSQL is missing", () => {
    const empty = mkdtempSync(path.join(tmpdir(), "td-no-postgres-"));
    try {
      expect(() => postgresBinDir(empty)).toThrow(PostgresNotInstalledError);
      expect(() => postgresBinDir(empty)).toThrow(/^PostgreSQL is not installed: [^\n]+$/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
