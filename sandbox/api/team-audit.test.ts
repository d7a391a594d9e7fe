// Team endpoints: editing and deactivating members, and the audit log.
import { describe, expect, it } from "vitest";
import { AUDIT_CSV_COLUMNS, AuditLogList } from "../../lib/jiko/audit";
import { TeamMember } from "../../lib/jiko/team";
import { UserInfo } from "../../lib/jiko/user";
import { recordAudit } from "../audit";
import { SEED } from "../seed";
import { parseCsv } from "../testing/csv";
import { authorizeWithPassword, PortalBrowser, tokenRequest } from "../testing/oauth-client";
import {
  allEntries,
  as,
  avery,
  client,
  csvCells,
  invite,
  member,
  PASSWORD,
  sb,
  tokensFor,
  US,
  withTeamSandbox,
} from "./team-test-kit";

withTeamSandbox();

describe("editing and deactivating", () => {
  it("the last active admin cannot be demoted or deactivated, not even by themselves", async () => {
    const last = {
      status: 409,
      json: { detail: "Avery Chen is the team's last admin: make someone else an admin first." },
    };
    const a = as(avery);
    expect(await a.put(`/api/v1/team/${member("avery")}/`, { role: "REVIEWER" })).toMatchObject(
      last,
    );
    expect(
      await a.put(`/api/v1/team/${member("avery")}/`, { status: "DEACTIVATED" }),
    ).toMatchObject(last);
    expect(await a.del(`/api/v1/team/${member("avery")}/`)).toMatchObject(last);

    // With a second admin, a demotion is fine.
    const promoted = await a.put(`/api/v1/team/${member("jordan")}/`, { role: "ADMIN" });
    expect(TeamMember.parse(promoted.json).role).toBe("ADMIN");
    const demoted = await a.put(`/api/v1/team/${member("jordan")}/`, { role: "REVIEWER" });
    expect(TeamMember.parse(demoted.json).role).toBe("REVIEWER");
    const log = AuditLogList.parse(
      (
        await a.get(
          `/api/v1/team/audit-logs/?member_id=${member("jordan")}&action[]=team.member.role_changed`,
        )
      ).json,
    );
    expect(log.items.map((e) => [e.before?.role, e.after?.role])).toEqual([
      ["ADMIN", "REVIEWER"],
      ["REVIEWER", "ADMIN"],
    ]);
  });

  it("deactivation ends the member's tokens and portal access at once; reactivation needs a new sign-in", async () => {
    const browser = new PortalBrowser();
    const sam = await tokensFor(SEED.people.sam.email, { browser });
    expect((await as(sam).get("/api/v1/user/")).status).toBe(200);

    const off = await as(avery).del(`/api/v1/team/${member("sam")}/`);
    expect(off.status).toBe(200);
    expect(TeamMember.parse(off.json).status).toBe("DEACTIVATED");

    expect(await as(sam).get("/api/v1/user/")).toMatchObject({
      status: 401,
      json: { detail: "Not authenticated" },
    });
    const refreshed = await tokenRequest(sb.portalUrl, client, {
      grant_type: "refresh_token",
      refresh_token: sam.refresh_token!,
    });
    expect(refreshed.status).toBe(400);
    expect(refreshed.body.error).toBe("invalid_grant");
    // The portal session is still there, but it mints nothing for this team.
    await expect(
      authorizeWithPassword({
        portalUrl: sb.portalUrl,
        client,
        email: SEED.people.sam.email,
        password: PASSWORD,
        prompt: "consent",
        browser,
      }),
    ).rejects.toThrow(/No active team|No access/);
    await expect(tokensFor(SEED.people.sam.email)).rejects.toThrow(/deactivated/);

    const on = await as(avery).put(`/api/v1/team/${member("sam")}/`, { status: "ACTIVE" });
    expect(TeamMember.parse(on.json).status).toBe("ACTIVE");
    expect((await as(sam).get("/api/v1/user/")).status).toBe(401); // old tokens stay dead
    const again = await tokensFor(SEED.people.sam.email);
    expect(UserInfo.parse((await as(again).get("/api/v1/user/")).json).role).toBe("INITIATOR");

    const log = AuditLogList.parse(
      (await as(avery).get(`/api/v1/team/members/${member("sam")}/audit-logs/?limit=2`)).json,
    );
    expect(log.items.map((e) => [e.action, e.before?.status, e.after?.status])).toEqual([
      ["team.member.reactivated", "DEACTIVATED", "ACTIVE"],
      ["team.member.deactivated", "ACTIVE", "DEACTIVATED"],
    ]);
  });

  it("a service user is an API-only member", async () => {
    const res = await as(avery).post("/api/v1/team/service-users/", {
      name: "Reconciliation bot",
      email: "recon-bot@harborline.example",
      role: "READ_ONLY",
    });
    expect(res.status).toBe(201);
    const m = TeamMember.parse(res.json);
    expect(m).toMatchObject({
      first_name: "Reconciliation bot",
      last_name: "",
      access: "API",
      status: "ACTIVE",
      user_id: null,
      invite_sent_at: null,
    });
    const log = AuditLogList.parse(
      (await as(avery).get("/api/v1/team/audit-logs/?action[]=team.service_user.created")).json,
    );
    expect(log.items[0]).toMatchObject({
      target_type: "service_user",
      target_id: m.id,
      before: null,
      after: { access: "API" },
    });
  });
});

describe("audit log", () => {
  it("filters by action[], member_id and an inclusive time range; cursors page both ways", async () => {
    const all = await allEntries("/api/v1/team/audit-logs/", new URLSearchParams());
    // Enough entries (seed plus this file's changes) for several pages of 4.
    expect(all.length).toBeGreaterThan(8);
    const times = all.map((e) => Date.parse(e.timestamp));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // Paging by 4 gives the same rows; prev_page walks back.
    const paged = await allEntries("/api/v1/team/audit-logs/", new URLSearchParams(), 4);
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const p1 = AuditLogList.parse((await as(avery).get("/api/v1/team/audit-logs/?limit=4")).json);
    const p2 = AuditLogList.parse(
      (await as(avery).get(`/api/v1/team/audit-logs/?limit=4&cursor=${p1.next_page}`)).json,
    );
    const back = AuditLogList.parse(
      (await as(avery).get(`/api/v1/team/audit-logs/?limit=4&cursor=${p2.prev_page}`)).json,
    );
    expect(back.items.map((e) => e.id)).toEqual(p1.items.map((e) => e.id));
    expect(back.prev_page).toBeNull();
    expect((await as(avery).get("/api/v1/team/audit-logs/?limit=101")).status).toBe(422);
    expect((await as(avery).get("/api/v1/team/audit-logs/?cursor=%%%")).status).toBe(422);

    const q = new URLSearchParams();
    q.append("action[]", "team.member.joined");
    q.append("action[]", "team.member.deactivated");
    const some = await allEntries("/api/v1/team/audit-logs/", q);
    expect(some.map((e) => e.id)).toEqual(
      all
        .filter((e) => e.action === "team.member.joined" || e.action === "team.member.deactivated")
        .map((e) => e.id),
    );

    const mid = all[Math.floor(all.length / 2)]!;
    const from = all.at(-2)!;
    const range = await allEntries(
      "/api/v1/team/audit-logs/",
      new URLSearchParams({ timestamp_from: from.timestamp, timestamp_to: mid.timestamp }),
    );
    expect(range.map((e) => e.id)).toEqual(
      all
        .filter(
          (e) =>
            Date.parse(e.timestamp) >= Date.parse(from.timestamp) &&
            Date.parse(e.timestamp) <= Date.parse(mid.timestamp),
        )
        .map((e) => e.id),
    );
    expect(range[0]!.timestamp).toBe(mid.timestamp);
    expect(range.at(-1)!.timestamp).toBe(from.timestamp);

    // member_id: entries where the member acted or was acted on (the per-member endpoint too).
    const byAvery = await allEntries(
      "/api/v1/team/audit-logs/",
      new URLSearchParams({ member_id: member("avery") }),
    );
    expect(byAvery.map((e) => e.id)).toEqual(
      all
        .filter((e) => e.actor?.member_id === member("avery") || e.target_id === member("avery"))
        .map((e) => e.id),
    );
    const perMember = await allEntries(
      `/api/v1/team/members/${member("avery")}/audit-logs/`,
      new URLSearchParams(),
    );
    expect(perMember.map((e) => e.id)).toEqual(byAvery.map((e) => e.id));
    expect(
      (await as(avery).get(`/api/v1/team/members/${member("lena", SEED.teams.eu)}/audit-logs/`))
        .status,
    ).toBe(404);
  });

  it("the CSV quotes commas, quotes and line breaks and holds the list's rows", async () => {
    const { member: m } = await invite({
      first_name: 'O"Neil,',
      last_name: "Jr.",
      email: "oneil@harborline.example",
      phone_number: "+14155550193",
      role: "READ_ONLY",
    });
    // A generic entry (as pockets will write) whose actor name holds a line break.
    await recordAudit(sb.db, {
      teamId: US,
      actor: { memberId: null, userId: null, name: 'Ops\nDesk, "night"', email: null },
      action: "pocket.created",
      targetType: "pocket",
      targetId: "pocket-1",
      before: null,
      after: { pocket_name: 'Line\nbreak, "quoted"' },
    });

    const res = await fetch(`${sb.apiUrl}/api/v1/team/audit-logs.csv`, {
      headers: { authorization: `Bearer ${avery.access_token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("x-ratelimit-limit")).toBe("300");
    const text = await res.text();
    expect(text.startsWith(`${AUDIT_CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(text).toContain('"Ops\nDesk, ""night"""');
    expect(text).toContain('"{""pocket_name"":""Line\\nbreak, \\""quoted\\""""}"');
    expect(text).toContain('O\\""Neil,');

    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    const all = await allEntries("/api/v1/team/audit-logs/", new URLSearchParams());
    expect(rows.slice(1)).toEqual(all.map(csvCells));
    const oneil = all.find((e) => e.target_id === m.id)!;
    expect(JSON.parse(rows.find((r) => r[0] === oneil.id)![9]!)).toMatchObject({
      first_name: 'O"Neil,',
    });

    // Same filters, same rows.
    const q = new URLSearchParams({ member_id: member("casey") });
    q.append("action[]", "team.member.joined");
    q.append("action[]", "team.member.deactivated");
    const filtered = await (
      await fetch(`${sb.apiUrl}/api/v1/team/audit-logs.csv?${q}`, {
        headers: { authorization: `Bearer ${avery.access_token}` },
      })
    ).text();
    const list = await allEntries("/api/v1/team/audit-logs/", q);
    expect(list).toHaveLength(2);
    expect(parseCsv(filtered).slice(1)).toEqual(list.map(csvCells));
  });
});
