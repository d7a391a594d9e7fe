/**
 * Shared set-up of the team tests: one in-memory sandbox per test file, tokens for an admin and a
 * read-only member, and helpers to call the API, read the outbox and page through the audit log.
 * The state is exported as live bindings, filled in by `withTeamSandbox()`.
 */
import { afterAll, beforeAll, expect } from "vitest";
import { AuditLogList, type CustomerAuditLogEntry } from "../../lib/jiko/audit";
import { TeamMember } from "../../lib/jiko/team";
import { memberId, SEED } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import {
  authorizeWithPassword,
  exchangeCode,
  type PortalBrowser,
  registerTestClient,
  type TestClient,
  type TokenResponse,
} from "../testing/oauth-client";

export const PASSWORD = "jiko-sandbox";
export const US = SEED.teams.us;
export const member = (k: keyof typeof SEED.people, team = US) =>
  memberId(team, SEED.people[k].email);

export let sb: Sandbox;
export let client: TestClient;
export let avery: TokenResponse;
export let morgan: TokenResponse;

export async function tokensFor(
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

export async function call(
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
) {
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

export const as = (t: TokenResponse) => ({
  get: (p: string) => call("GET", p, t.access_token),
  post: (p: string, b?: unknown) => call("POST", p, t.access_token, b ?? {}),
  put: (p: string, b: unknown) => call("PUT", p, t.access_token, b),
  del: (p: string) => call("DELETE", p, t.access_token),
});

export async function outbox(to: string) {
  const res = await fetch(`${sb.apiUrl}/_sandbox/outbox?to=${encodeURIComponent(to)}`);
  return (await res.json()).items as Array<{
    kind: string;
    to: string;
    subject: string | null;
    body: string;
    link: string | null;
  }>;
}

export async function invite(body: Record<string, unknown>) {
  const res = await as(avery).post("/api/v1/team/invite/", body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  const m = TeamMember.parse(res.json);
  const [mail] = await outbox(m.email);
  return { member: m, link: mail!.link! };
}

export const page = (url: string) =>
  fetch(url).then(async (r) => ({ status: r.status, html: await r.text() }));

/** Every entry of a list endpoint, following next_page. */
export async function allEntries(path: string, query: URLSearchParams, limit = 100) {
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

export const csvCells = (e: CustomerAuditLogEntry) => [
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

/** Starts the file's sandbox before its tests and stops it after. */
export function withTeamSandbox() {
  beforeAll(async () => {
    sb = await startSandbox({ apiPort: 0, portalPort: 0 });
    client = await registerTestClient(sb.portalUrl);
    [avery, morgan] = await Promise.all([
      tokensFor(SEED.people.avery.email),
      tokensFor(SEED.people.morgan.email),
    ]);
  }, 60_000);
  afterAll(() => sb?.close());
}
