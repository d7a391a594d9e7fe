import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_CSV_COLUMNS, AuditLogList, type CustomerAuditLogEntry } from "../../lib/jiko/audit";
import { TeamMember, TeamMessage, TeamResponse } from "../../lib/jiko/team";
import { UserInfo } from "../../lib/jiko/user";
import { recordAudit } from "../audit";
import { memberId, SEED } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import {
  authorizeWithPassword,
  exchangeCode,
  PortalBrowser,
  registerTestClient,
  type TestClient,
  type TokenResponse,
  tokenRequest,
} from "../testing/oauth-client";
import { acceptInvitation } from "../testing/signup";

const PASSWORD = "jiko-sandbox";
const US = SEED.teams.us;
const member = (k: keyof typeof SEED.people, team = US) => memberId(team, SEED.people[k].email);

let sb: Sandbox;
let client: TestClient;
let avery: TokenResponse;
let morgan: TokenResponse;

async function tokensFor(
  email: string,
  o: { teamId?: string; password?: string; browser?: PortalBrowser; c?: TestClient } = {},
) {
  const c = o.c ?? client;
  const { code, codeVerifier } = await authorizeWithPassword({
    portalUrl: sb.portalUrl,
    client: c,
    email,
    password: o.password ?? PASSWORD,
    teamId: o.teamId,
    browser: o.browser,
  });
  return exchangeCode({ portalUrl: sb.portalUrl, client: c, code, codeVerifier });
}

async function call(method: string, path: string, token: string | undefined, body?: unknown) {
  const res = await fetch(`${sb.apiUrl}${path}`, {
    method,
    redirect: "manual",
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json: json as Record<string, unknown>, text, headers: res.headers };
}

const as = (t: TokenResponse) => ({
  get: (p: string) => call("GET", p, t.access_token),
  post: (p: string, b?: unknown) => call("POST", p, t.access_token, b ?? {}),
  put: (p: string, b: unknown) => call("PUT", p, t.access_token, b),
  del: (p: string) => call("DELETE", p, t.access_token),
});

async function outbox(to: string) {
  const res = await fetch(`${sb.apiUrl}/_sandbox/outbox?to=${encodeURIComponent(to)}`);
  return (await res.json()).items as Array<{
    kind: string;
    to: string;
    subject: string | null;
    body: string;
    link: string | null;
  }>;
}

async function invite(body: Record<string, unknown>) {
  const res = await as(avery).post("/api/v1/team/invite/", body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  const m = TeamMember.parse(res.json);
  const [mail] = await outbox(m.email);
  return { member: m, link: mail!.link! };
}

const page = (url: string) =>
  fetch(url).then(async (r) => ({ status: r.status, html: await r.text() }));

/** Every entry of a list endpoint, following next_page. */
async function allEntries(path: string, query: URLSearchParams, limit = 100) {
  const items: CustomerAuditLogEntry[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams(query);
    q.set("limit", String(limit));
    if (cursor) q.set("cursor", cursor);
    const res = await as(avery).get(`${path}?${q}`);
    expect(res.status, res.text).toBe(200);
    const list = AuditLogList.parse(res.json);
    items.push(...list.items);
    cursor = list.next_page;
  } while (cursor);
  return items;
}

/** RFC 4180 reader (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

const csvCells = (e: CustomerAuditLogEntry) => [
  e.id,
  e.timestamp,
  e.actor?.member_id ?? "",
  e.actor?.name ?? "",
  e.actor?.email ?? "",
  e.action,
  e.target_type,
  e.target_id,
  e.before ? JSON.stringify(e.before) : "",
  e.after ? JSON.stringify(e.after) : "",
];

beforeAll(async () => {
  sb = await startSandbox({ apiPort: 0, portalPort: 0 });
  client = await registerTestClient(sb.portalUrl);
  [avery, morgan] = await Promise.all([
    tokensFor(SEED.people.avery.email),
    tokensFor(SEED.people.morgan.email),
  ]);
}, 60_000);
afterAll(() => sb?.close());

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
    const list = AuditLogList.parse((await as(morgan).get("/api/v1/team/audit-logs/")).json);
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
    expect(all.length).toBeGreaterThan(15);
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
