import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, openDb } from "./open";
import { queryRaw, RawQueryError, rawBool, rawInt4, rawText } from "./raw-query";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openDb(undefined);
  await handle.db.execute(sql`create table raw_notes (id int4 primary key, body text)`);
});
afterAll(() => handle?.close());

describe("queryRaw", () => {
  it("returns each field's bytes in binary format, parameters read as the statement types them", async () => {
    const body = 'Café "Zoë", 2\r\nlines';
    const rows = await queryRaw(
      handle.db,
      sql`select ${body}::text as body, ${41}::int4 + 1 as n, ${"t"}::bool as yes,
        null::text as nothing, ${null}::text as also_nothing
      union all select '', -7, false, 'x', 'y'`,
    );
    expect(rows).toHaveLength(2);
    const [first, second] = rows as [(Uint8Array | null)[], (Uint8Array | null)[]];
    expect(Buffer.from(first[0] as Uint8Array).toString("utf8")).toBe(body);
    expect([rawInt4(first[1]), rawBool(first[2]), first[3], first[4]]).toEqual([
      42,
      true,
      null,
      null,
    ]);
    expect([rawText(second[0]), rawInt4(second[1]), rawBool(second[2])]).toEqual(["", -7, false]);
  });

  it("returns no rows for an empty result", async () => {
    expect(await queryRaw(handle.db, sql`select 1 where false`)).toEqual([]);
  });

  it("throws Postgres's error with its code, and the database answers after", async () => {
    const failed = await queryRaw(handle.db, sql`select 1 / ${0}::int4`).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(RawQueryError);
    expect((failed as RawQueryError).message).toMatch(/division by zero/);
    expect((failed as RawQueryError).code).toBe("22012");
    const [row] = await queryRaw(handle.db, sql`select 2::int4`);
    expect(rawInt4(row?.[0])).toBe(2);
  });

  it("waits for a transaction in progress instead of reading inside it", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted = () => {};
    const started = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const tx = handle.db.transaction(async (t) => {
      await t.execute(sql`insert into raw_notes values (1, 'uncommitted')`);
      inserted();
      await held;
      await t.execute(sql`update raw_notes set body = 'committed' where id = 1`);
    });
    await started;
    const read = queryRaw(handle.db, sql`select body from raw_notes where id = 1`);
    // Time enough for the read to run between the transaction's statements, were it let in.
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await tx;
    const [row] = await read;
    expect(rawText(row?.[0])).toBe("committed");
  });
});
