import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Faults } from "./api/faults";
import { sandboxRoutes } from "./api/sandbox-routes";
import { type DbHandle, openDb } from "./db/open";
import { invitations } from "./db/schema";
import { teamMembers } from "./directory";
import { SandboxClock } from "./ledger/clock";
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

describe("POST /_sandbox/team-members/bulk", () => {
  const post = (body: unknown) =>
    sandboxRoutes({
      db: handle.db,
      faults: new Faults(),
      clock: new SandboxClock(handle.db),
    }).request("/_sandbox/team-members/bulk", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("adds the members to the named team and answers their ids", async () => {
    const before = (await teamMembers(handle.db, SEED.teams.us)).length;
    const res = await post({ team_name: "Harborline Treasury", count: 4 });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { team_id: string; count: number; ids: string[] };
    expect(body).toMatchObject({ team_id: SEED.teams.us, count: 4 });
    expect(await teamMembers(handle.db, SEED.teams.us)).toHaveLength(before + 4);
  });

  it("answers 404 for an unknown team and 422 for a bad body", async () => {
    expect((await post({ team_id: crypto.randomUUID(), count: 1 })).status).toBe(404);
    expect((await post({ team_name: "Harborline Treasury", count: 0 })).status).toBe(422);
    expect((await post({ count: 3 })).status).toBe(422);
  });
});
