import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/guard";
import { type DbHandle, openDb } from "../db/client";
import { migrateDb } from "../db/migrate";
import { accessLog } from "../db/schema";
import { listAccess, recordAccess } from "./store";

vi.mock("../viewer", () => ({ requestViewer: async () => null }));

let handle: DbHandle;
beforeAll(async () => {
  handle = openDb({ dataDir: "memory://" });
  await migrateDb(handle);
});
afterAll(() => handle?.close());

const avery = {
  userId: "u1",
  memberId: "m1",
  name: "Avery Chen",
  email: "avery@example.test",
  team: { id: "team-a" },
};
const lena = { ...avery, userId: "u2", memberId: "m2", name: "Lena Ortiz", team: { id: "team-b" } };

describe("the access log", () => {
  it("records who read what, when, in which team, and lists a team's reads newest first", async () => {
    const before = Date.now();
    await recordAccess(avery, "account_number.revealed", { kind: "pocket", id: "p-1" }, handle.db);
    await recordAccess(avery, "transactions.exported", null, handle.db);
    await recordAccess(lena, "statement.downloaded", { kind: "statement", id: "s-9" }, handle.db);

    const page = await listAccess("team-a", {}, handle.db);
    expect(page.items.map((e) => e.action)).toEqual([
      "transactions.exported",
      "account_number.revealed",
    ]);
    const reveal = page.items[1]!;
    expect(reveal.actor).toEqual({ name: "Avery Chen", email: "avery@example.test" });
    expect(reveal.subject).toEqual({ kind: "pocket", id: "p-1" });
    expect(Date.parse(reveal.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(page.next_page).toBeNull();
    // Another team's reads stay in that team.
    const other = await listAccess("team-b", {}, handle.db);
    expect(other.items.map((e) => e.actor.name)).toEqual(["Lena Ortiz"]);
  });

  it("pages through every entry exactly once, even when they share a timestamp", async () => {
    const at = new Date("2026-03-02T15:00:00Z");
    await handle.db.insert(accessLog).values(
      Array.from({ length: 7 }, (_, i) => ({
        teamId: "team-c",
        userId: "u1",
        memberId: "m1",
        actorName: "Avery Chen",
        actorEmail: "avery@example.test",
        action: "trades.exported",
        at,
        id: `id-${i}`,
      })),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await listAccess("team-c", { cursor, limit: 3 }, handle.db);
      seen.push(...page.items.map((e) => e.id));
      if (!page.next_page) break;
      cursor = page.next_page;
    }
    expect(seen).toEqual(["id-6", "id-5", "id-4", "id-3", "id-2", "id-1", "id-0"]);
  });

  it("refuses a forged cursor plainly", async () => {
    const refused = await listAccess("team-a", { cursor: "bm90LWpzb24" }, handle.db).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe("invalid");
  });

  it("keeps no account number: a subject is an object's kind and id only", async () => {
    await expect(
      recordAccess(
        avery,
        "account_number.revealed",
        // @ts-expect-error: the account number is not part of a subject
        { kind: "pocket", id: "p-2", account_number: "123456789" },
        handle.db,
      ),
    ).resolves.toBeUndefined();
    const rows = await handle.db.select().from(accessLog);
    expect(JSON.stringify(rows)).not.toContain("123456789");
  });
});
