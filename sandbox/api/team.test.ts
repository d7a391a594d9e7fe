// Team endpoints: reading the team, who may manage it, invitations.
import { describe, expect, it } from "vitest";
import { AuditLogList } from "../../lib/jiko/audit";
import { TeamMember, TeamMessage, TeamResponse } from "../../lib/jiko/team";
import { UserInfo } from "../../lib/jiko/user";
import { SEED } from "../seed";
import { PortalBrowser, registerTestClient } from "../testing/oauth-client";
import { acceptInvitation } from "../testing/signup";
import {
  as,
  avery,
  invite,
  member,
  morgan,
  outbox,
  page,
  sb,
  tokensFor,
  US,
  withTeamSandbox,
} from "./team-test-kit";

withTeamSandbox();

describe("reading the team", () => {
  it("GET /api/v1/team/ carries invite_sent_at for pending invitations only", async () => {
    const team = TeamResponse.parse((await as(morgan).get("/api/v1/team/")).json);
    const all = team.member_groups.flatMap((g) => g.members);
    const taylor = all.find((m) => m.email === SEED.people.taylor.email)!;
    expect(taylor.status).toBe("PENDING");
    expect(Date.parse(taylor.invite_sent_at!)).toBeLessThan(Date.now());
    expect(all.filter((m) => m.status !== "PENDING").every((m) => m.invite_sent_at === null)).toBe(
      true,
    );
  });

  it("GET /api/v1/team/{member_id}/ for every member; 404 for another team's, 422 for no uuid", async () => {
    const res = await as(morgan).get(`/api/v1/team/${member("casey")}/`);
    expect(res.status).toBe(200);
    expect(TeamMember.parse(res.json)).toMatchObject({
      first_name: "Casey",
      status: "DEACTIVATED",
    });
    const other = await as(morgan).get(`/api/v1/team/${member("lena", SEED.teams.eu)}/`);
    expect(other).toMatchObject({ status: 404, json: { detail: "Not Found" } });
    const bad = await as(morgan).get("/api/v1/team/not-a-uuid/");
    expect(bad.status).toBe(422);
    expect(bad.json.detail).toEqual([expect.objectContaining({ loc: ["path", "member_id"] })]);
  });

  it("the seeded history is in the audit log, newest first, consistent with created_at", async () => {
    const all = AuditLogList.parse((await as(morgan).get("/api/v1/team/audit-logs/")).json);
    // The seed's transfer requests have their own entries (sandbox/transfers): members' here.
    const list = { ...all, items: all.items.filter((e) => e.action.startsWith("team.member.")) };
    expect(list.items.map((e) => e.action)).toEqual([
      "team.member.invited",
      "team.member.deactivated",
      "team.member.role_changed",
      "team.member.joined",
      "team.member.invited",
      "team.member.joined",
      "team.member.invited",
      "team.member.joined",
      "team.member.invited",
    ]);
    expect(list).toMatchObject({ prev_page: null, next_page: null });
    const [taylorInvite, caseyOff, morganRole] = list.items;
    expect(taylorInvite).toMatchObject({
      actor: { name: "Avery Chen", member_id: member("avery") },
      target_id: member("taylor"),
      before: null,
      after: { status: "PENDING", role: "INITIATOR" },
    });
    expect(caseyOff).toMatchObject({
      before: { status: "ACTIVE" },
      after: { status: "DEACTIVATED" },
    });
    expect(morganRole).toMatchObject({
      before: { role: "INITIATOR" },
      after: { role: "READ_ONLY" },
    });
    const joined = list.items.find((e) => e.action === "team.member.joined")!;
    expect(joined.actor).toBeNull();
    const team = TeamResponse.parse((await as(morgan).get("/api/v1/team/")).json);
    const taylor = team.member_groups
      .flatMap((g) => g.members)
      .find((m) => m.id === member("taylor"));
    expect(taylor!.created_at).toBe(taylorInvite!.timestamp);
  });
});

describe("who may manage", () => {
  it("a member who is not an admin gets 403 on every write; reads stay open", async () => {
    const refused = { status: 403, json: { detail: "Only team admins can manage members." } };
    const m = as(morgan);
    const body = {
      first_name: "Pat",
      last_name: "Quinn",
      email: "pat.quinn@harborline.example",
      phone_number: "+14155550188",
      role: "READ_ONLY",
    };
    expect(await m.post("/api/v1/team/invite/", body)).toMatchObject(refused);
    expect(await m.put(`/api/v1/team/${member("sam")}/`, { role: "ADMIN" })).toMatchObject(refused);
    expect(await m.del(`/api/v1/team/${member("sam")}/`)).toMatchObject(refused);
    expect(await m.post(`/api/v1/team/${member("taylor")}/invite/`)).toMatchObject(refused);
    expect(await m.del(`/api/v1/team/${member("taylor")}/invite/`)).toMatchObject(refused);
    expect(
      await m.post("/api/v1/team/service-users/", {
        name: "Bot",
        email: "bot@harborline.example",
        role: "READ_ONLY",
      }),
    ).toMatchObject(refused);
    expect((await m.get("/api/v1/team/audit-logs/")).status).toBe(200);
    expect((await m.get(`/api/v1/team/members/${member("sam")}/audit-logs/`)).status).toBe(200);
    expect((await m.get("/api/v1/team/audit-logs.csv")).status).toBe(200);
  });

  it("writes need team.write, reads team.read", async () => {
    const readOnly = await registerTestClient(sb.portalUrl, { scope: "openid profile team.read" });
    const t = await tokensFor(SEED.people.avery.email, { c: readOnly });
    expect((await as(t).get("/api/v1/team/audit-logs/")).status).toBe(200);
    expect(await as(t).del(`/api/v1/team/${member("sam")}/`)).toMatchObject({
      status: 403,
      json: { detail: "The access token does not carry the scope team.write." },
    });
  });

  it("request bodies are checked with the contract's schemas (FastAPI 422)", async () => {
    const res = await as(avery).post("/api/v1/team/invite/", {
      first_name: "Pat",
      last_name: "",
      email: "not-an-email",
      phone_number: "0415",
      role: "OWNER",
    });
    expect(res.status).toBe(422);
    const locs = (res.json.detail as Array<{ loc: unknown[] }>).map((d) => d.loc.join("."));
    expect(locs.sort()).toEqual(["body.email", "body.last_name", "body.phone_number", "body.role"]);
    const edit = await as(avery).put(`/api/v1/team/${member("sam")}/`, { status: "PENDING" });
    expect(edit.status).toBe(422);
  });
});

describe("invitations", () => {
  it("invite → 201 PENDING member, an email with a single-use link; duplicates are refused", async () => {
    const { member: m, link } = await invite({
      first_name: "Riley",
      last_name: "Okafor",
      email: "Riley.Okafor@harborline.example",
      phone_number: "+1 (415) 555-0190",
      role: "REVIEWER",
    });
    expect(m).toMatchObject({
      email: "riley.okafor@harborline.example",
      phone_number: "+14155550190",
      status: "PENDING",
      access: "WEB",
      user_id: null,
      role: "REVIEWER",
    });
    expect(m.invite_sent_at).not.toBeNull();
    const [mail] = await outbox(m.email);
    expect(mail).toMatchObject({
      kind: "email",
      subject: "You're invited to join Harborline Treasury on Jiko",
    });
    expect(link).toMatch(new RegExp(`^${sb.portalUrl}/signup/[A-Za-z0-9_-]{40,}$`));
    expect(mail!.body).toContain(link);

    const again = await as(avery).post("/api/v1/team/invite/", {
      first_name: "Riley",
      last_name: "Okafor",
      email: m.email,
      phone_number: "+14155550190",
      role: "REVIEWER",
    });
    expect(again).toMatchObject({
      status: 409,
      json: { detail: "riley.okafor@harborline.example is already on this team." },
    });
    const casey = await as(avery).post("/api/v1/team/invite/", {
      first_name: "Casey",
      last_name: "Nguyen",
      email: SEED.people.casey.email,
      phone_number: "+14155550106",
      role: "READ_ONLY",
    });
    expect(casey).toMatchObject({
      status: 409,
      json: { detail: "casey.nguyen@harborline.example was deactivated: reactivate them instead." },
    });
    const active = await as(avery).post("/api/v1/team/invite/", {
      first_name: "Sam",
      last_name: "Rivera",
      email: SEED.people.sam.email,
      phone_number: "+14155550103",
      role: "READ_ONLY",
    });
    expect(active.status).toBe(409);
  });

  it("resend mails a new link and kills the old one; the full sign-up then signs in with the invited role", async () => {
    const { member: m, link: first } = await invite({
      first_name: "Drew",
      last_name: "Sato",
      email: "drew.sato@harborline.example",
      phone_number: "+14155550191",
      role: "INITIATOR",
    });
    const resent = await as(avery).post(`/api/v1/team/${m.id}/invite/`);
    expect(resent.status).toBe(200);
    expect(TeamMessage.parse(resent.json)).toEqual({ detail: "Invitation sent" });
    const link = (await outbox(m.email))[0]!.link!;
    expect(link).not.toBe(first);
    const dead = await page(first);
    expect(dead.status).toBe(410);
    expect(dead.html).toContain(
      "This invitation is no longer valid. Ask an admin of Harborline Treasury to send a new one.",
    );

    // The sign-up pages, step by step.
    const browser = new PortalBrowser();
    const start = await browser.request(link);
    const html = await start.text();
    expect(start.status).toBe(200);
    expect(html).toContain("<h1>Join Harborline Treasury</h1>");
    expect(html).toContain("Jiko sandbox");
    expect(html).toContain("drew.sato@harborline.example");
    expect(html).toContain("Initiator");
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toContain('<label for="confirm_password">Confirm password</label>');
    const action = new URL(link).pathname;
    const short = await browser.request(`${sb.portalUrl}${action}`, {
      form: { password: "short", confirm_password: "short" },
    });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("Use at least 12 characters for your password.");
    const mismatch = await browser.request(`${sb.portalUrl}${action}`, {
      form: { password: "a-long-password-1", confirm_password: "a-long-password-2" },
    });
    expect(await mismatch.text()).toContain("The two passwords do not match.");

    const done = await acceptInvitation({ link, password: "drew-new-password", browser });
    expect(done.status).toBe(200);
    expect(done.html).toContain("<h1>You're all set</h1>");
    expect(done.html).toContain("Sign in to Treasury Desk");
    const [sms] = await outbox("+14155550191");
    expect(sms).toMatchObject({ kind: "sms", link: null });
    expect(sms!.body).toMatch(/\d{6}/);

    expect((await page(link)).status).toBe(410); // single use

    const joined = TeamMember.parse((await as(avery).get(`/api/v1/team/${m.id}/`)).json);
    expect(joined).toMatchObject({ status: "ACTIVE", invite_sent_at: null });
    expect(joined.user_id).not.toBeNull();

    const t = await tokensFor(m.email, { password: "drew-new-password" });
    const user = UserInfo.parse((await as(t).get("/api/v1/user/")).json);
    expect(user).toMatchObject({ role: "INITIATOR", team_id: US, member_id: m.id });

    const log = AuditLogList.parse(
      (await as(avery).get(`/api/v1/team/members/${m.id}/audit-logs/`)).json,
    );
    expect(log.items.map((e) => e.action)).toEqual([
      "team.member.joined",
      "team.member.invite_resent",
      "team.member.invited",
    ]);
    expect(log.items[0]).toMatchObject({
      actor: null,
      before: { status: "PENDING", user_id: null },
      after: { status: "ACTIVE", user_id: joined.user_id },
    });
  });

  it("cancel → the link answers 410 and the member leaves the team list", async () => {
    const { member: m, link } = await invite({
      first_name: "Jamie",
      last_name: "Ortiz",
      email: "jamie.ortiz@harborline.example",
      phone_number: "+14155550192",
      role: "READ_ONLY",
    });
    const res = await as(avery).del(`/api/v1/team/${m.id}/invite/`);
    expect(res.status).toBe(200);
    expect(TeamMessage.parse(res.json)).toEqual({ detail: "Invitation cancelled" });
    const dead = await page(link);
    expect(dead.status).toBe(410);
    expect(dead.html).toContain("Ask an admin of Harborline Treasury to send a new one.");
    const team = TeamResponse.parse((await as(avery).get("/api/v1/team/")).json);
    expect(team.member_groups.flatMap((g) => g.members).some((x) => x.id === m.id)).toBe(false);
    expect((await as(avery).get(`/api/v1/team/${m.id}/`)).status).toBe(404);
    expect((await as(avery).del(`/api/v1/team/${m.id}/invite/`)).status).toBe(404);
    // Its history stays readable.
    const log = AuditLogList.parse(
      (await as(avery).get(`/api/v1/team/members/${m.id}/audit-logs/`)).json,
    );
    expect(log.items[0]).toMatchObject({
      action: "team.member.invite_cancelled",
      before: { status: "PENDING" },
      after: null,
    });
    expect((await page(`${sb.portalUrl}/signup/no-such-token`)).status).toBe(404);
  });

  it("resend and cancel need a pending invitation (409), an existing member (404)", async () => {
    const none = {
      status: 409,
      json: { detail: "There is no pending invitation for this member." },
    };
    expect(await as(avery).post(`/api/v1/team/${member("sam")}/invite/`)).toMatchObject(none);
    expect(await as(avery).del(`/api/v1/team/${member("casey")}/invite/`)).toMatchObject(none);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await as(avery).post(`/api/v1/team/${unknown}/invite/`)).status).toBe(404);
    expect((await as(avery).put(`/api/v1/team/${unknown}/`, { role: "ADMIN" })).status).toBe(404);
    expect((await as(avery).del(`/api/v1/team/${unknown}/`)).status).toBe(404);
    expect((await as(avery).del(`/api/v1/team/${member("lena", SEED.teams.eu)}/`)).status).toBe(
      404,
    );
  });

  it("a person who already has a login joins a second team with the phone code only", async () => {
    const { member: m, link } = await invite({
      first_name: "Lena",
      last_name: "de Vries",
      email: SEED.people.lena.email,
      phone_number: "+14155550107",
      role: "REVIEWER",
    });
    const start = await page(link);
    expect(start.html).toContain("You already have a Jiko login");
    expect(start.html).not.toContain('name="password"');
    const done = await acceptInvitation({ link });
    expect(done.html).toContain("You're all set");
    const t = await tokensFor(SEED.people.lena.email, { teamId: US });
    const user = UserInfo.parse((await as(t).get("/api/v1/user/")).json);
    expect(user).toMatchObject({ role: "REVIEWER", team_id: US, member_id: m.id });
  });
});
