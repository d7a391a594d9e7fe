import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, openDb } from "./db/open";
import { invitations } from "./db/schema";
import { teamMembers } from "./directory";
import { SEED, seed } from "./seed";
import { insertTeamMembers, TeamNotFound } from "./team-bulk";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openDb(undefined);
  await seed(handle.db, "jiko-sandbox");
}, 60_000);
afterAll(() => handle.close());

describe("insertTeamMembers", () => {
  it("adds invited and joined members to the team named by name or id", async () => {
    const before = await teamMembers(handle.db, SEED.teams.us);
    const byName = await insertTeamMembers(handle.db, {
      team: { name: "Harborline Treasury" },
      count: 450,
    });
    expect(byName.teamId).toBe(SEED.teams.us);
    await insertTeamMembers(handle.db, { team: { id: SEED.teams.us }, count: 40 });
    const after = await teamMembers(handle.db, SEED.teams.us);
    expect(after.length - before.length).toBe(490);
    const added = after.filter((m) => m.email.endsWith("@bulk.example"));
    expect(added.filter((m) => m.status === "PENDING")).toHaveLength(245);
    expect(added.filter((m) => m.status === "ACTIVE" && m.personId)).toHaveLength(245);
    expect(added.some((m) => m.role === "ADMIN")).toBe(false);
  });

  it("refuses a team that does not exist and writes nothing", async () => {
    const before = await teamMembers(handle.db, SEED.teams.us);
    await expect(
      insertTeamMembers(handle.db, { team: { name: "No such team" }, count: 3 }),
    ).rejects.toBeInstanceOf(TeamNotFound);
    expect(await teamMembers(handle.db, SEED.teams.us)).toHaveLength(before.length);
  });

  it("gives every invited member a pending invitation of its own", async () => {
    const { ids } = await insertTeamMembers(handle.db, { team: { id: SEED.teams.us }, count: 2 });
    const rows = await handle.db.select().from(invitations);
    const mine = rows.filter((r) => ids.includes(r.memberId));
    expect(mine.map((r) => [r.memberId, r.status])).toEqual([[ids[0], "PENDING"]]);
    expect(mine[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });
});
