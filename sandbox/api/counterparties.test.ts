import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditLogList } from "../../lib/jiko/audit";
import { Counterparty, CounterpartyList } from "../../lib/jiko/counterparties";
import { pocketFlows } from "../db/schema";
import { SEED, SEED_POCKETS } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import { ALL_TEST_SCOPES, passwordTokens, registerTestClient } from "../testing/oauth-client";
import { networkAddressOf } from "../transfers/network-address";
import { seedPayees } from "../transfers/seed-counterparties";

/** Monday 2026-11-30, noon in New York; the clock runs from there and the tests advance it. */
const START = new Date("2026-11-30T17:00:00Z").getTime();
const t0 = Date.now();
let sb: Sandbox;
let admin: string;
let initiator: string;
let readOnly: string;
let euAdmin: string;
beforeAll(async () => {
  sb = await startSandbox({
    apiPort: 0,
    portalPort: 0,
    now: () => new Date(START + (Date.now() - t0)),
  });
  const client = await registerTestClient(sb.portalUrl, {
    scope: `${ALL_TEST_SCOPES} transfers.write`,
  });
  const token = async (email: string) =>
    (await passwordTokens({ portalUrl: sb.portalUrl, client, email })).access_token;
  [admin, initiator, readOnly, euAdmin] = await Promise.all([
    token("avery.chen@harborline.example"),
    token("sam.rivera@harborline.example"),
    token("morgan.lee@harborline.example"),
    token("lena.devries@harborline.example"),
  ]);
}, 60_000);
afterAll(() => sb?.close());

const PATH = "/api/v2/counterparties/";

/** A response body: the fields these tests read. */
type Json = { detail?: unknown; status?: string; time_updated?: string; name?: string };

async function call(token: string, method: string, p: string, body?: unknown) {
  const res = await fetch(`${sb.apiUrl}${p}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

const list = async (token: string, query = "") => {
  const res = await call(token, "GET", `${PATH}${query}`);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return CounterpartyList.parse(res.json);
};

async function create(body: unknown, token = admin) {
  const res = await call(token, "POST", PATH, body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return Counterparty.parse(res.json);
}

async function refused(body: unknown) {
  const res = await call(admin, "POST", PATH, body);
  expect(res.status).toBe(422);
  return res.json.detail as Array<{ loc: unknown[]; msg: string }>;
}

const advance = async (days: number) => {
  const res = await fetch(`${sb.apiUrl}/_sandbox/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ days }),
  });
  expect(res.status).toBe(200);
};

const ach = (o: Partial<Record<string, string>> = {}) => ({
  type: "ach",
  name: "Riverside Tooling LLC",
  ach: {
    account_number: "12345678",
    routing_number: "021000021",
    name_on_account: "Riverside Tooling LLC",
    account_type: "CHECKING",
    ...o,
  },
});
const abroad = (o: Record<string, unknown> = {}) => ({
  type: "international_wire",
  name: "Kessler Logistik GmbH",
  international_wire: {
    identifier_type: "IBAN",
    account_number: "DE89 3704 0044 0532 0130 00",
    swift_code: "cobadeffxxx",
    beneficiary_name: "Kessler Logistik GmbH",
    beneficiary_address: { line1: "Hafenstrasse 1", city: "Bremen", country: "DE" },
    ...o,
  },
});
const wire = {
  type: "wire",
  name: "Granite Dock Services LLC",
  wire: {
    account_number: "9988776655",
    routing_number: "026009593",
    beneficiary_name: "Granite Dock Services LLC",
    beneficiary_address: { line1: "5 Pier Rd", city: "Baltimore", state: "MD", country: "US" },
  },
};
const onUs = (name: string, pocketId: string | undefined, address?: string) => ({
  type: "on_us",
  name,
  on_us: { account_number: address ?? networkAddressOf(pocketId!) },
});

describe("the seeded payees", () => {
  it("gives each company its payees, one PENDING and one UNLINKED, under stable names", async () => {
    const us = await list(admin, "?limit=100");
    const names = us.items.map((c) => c.name).sort();
    const expected = seedPayees({
      usName: "Harborline Logistics, Inc.",
      euName: "Harborline Europe B.V.",
      usPocketId: SEED_POCKETS.operating,
      euPocketId: SEED_POCKETS.euOperating,
    });
    expect(names).toEqual(expected.us.map((p) => p.req.name).sort());
    expect(us.items.filter((c) => c.status === "PENDING").map((c) => c.name)).toEqual([
      "Keystone Freight Brokers LLC",
    ]);
    expect(us.items.filter((c) => c.status === "UNLINKED").map((c) => c.name)).toEqual([
      "Summit Packaging Corp.",
    ]);
    const types = new Set(us.items.map((c) => c.type));
    expect([...types].sort()).toEqual(["ach", "international_wire", "on_us", "wire"]);
    const sister = us.items.find((c) => c.type === "on_us");
    expect(sister?.type === "on_us" && sister.on_us.account_number).toBe(
      networkAddressOf(SEED_POCKETS.euOperating),
    );
    const eu = await list(euAdmin, "?limit=100");
    expect(eu.items.map((c) => c.name).sort()).toEqual(expected.eu.map((p) => p.req.name).sort());
  });

  it("names the payees the seeded history pays exactly as the history does", async () => {
    const flows = await sb.db
      .select({ details: pocketFlows.details })
      .from(pocketFlows)
      .where(eq(pocketFlows.kind, "WITHDRAWAL"));
    const paid = new Set(
      flows.flatMap((f) => [f.details.counterparty_name, f.details.company_name]),
    );
    const all = [...(await list(admin, "?limit=100")).items, ...(await list(euAdmin)).items];
    for (const name of ["IRS", "Atlas Fleet Equipment Inc.", "Rotterdam Freight Partners B.V."]) {
      expect(paid.has(name), name).toBe(true);
      expect(
        all.some((c) => c.name === name && c.status === "VERIFIED"),
        name,
      ).toBe(true);
    }
    const customer = await call(euAdmin, "GET", "/api/v1/customer/");
    expect(all.find((c) => c.type === "on_us" && c.name === customer.json.name)).toBeTruthy();
  });
});

describe("validation", () => {
  it("refuses a routing number whose ABA check digit is wrong", async () => {
    const [issue] = await refused(ach({ routing_number: "021000022" }));
    expect(issue!.loc).toEqual(["body", "ach", "routing_number"]);
    expect(issue!.msg).toMatch(/check digit/);
  });

  it("refuses an account number that is not 4 to 17 digits", async () => {
    const [issue] = await refused(ach({ account_number: "12ab" }));
    expect(issue!.loc).toEqual(["body", "ach", "account_number"]);
  });

  it("refuses a bad IBAN, a bad SWIFT code and a country that is not ISO alpha-2", async () => {
    const [iban] = await refused(abroad({ account_number: "DE89370400440532013001" }));
    expect(iban!.loc).toEqual(["body", "international_wire", "account_number"]);
    expect(iban!.msg).toMatch(/IBAN/);
    const [swift] = await refused(abroad({ swift_code: "COBA" }));
    expect(swift!.loc).toEqual(["body", "international_wire", "swift_code"]);
    const address = { line1: "Hafenstrasse 1", city: "Bremen", country: "Germany" };
    const [country] = await refused(abroad({ beneficiary_address: address }));
    expect(country!.loc).toEqual(["body", "international_wire", "beneficiary_address", "country"]);
  });

  it("refuses an on_us address that is not 12 digits or that no open pocket has", async () => {
    const [short] = await refused(onUs("Anyone", undefined, "12345"));
    expect(short!.loc).toEqual(["body", "on_us", "account_number"]);
    const known = new Set(Object.values(SEED_POCKETS).map(networkAddressOf));
    const unknown = ["000000000000", "999999999999"].find((a) => !known.has(a))!;
    const [nobody] = await refused(onUs("Anyone", undefined, unknown));
    expect(nobody!.loc).toEqual(["body", "on_us", "account_number"]);
    expect(nobody!.msg).toBe("No Jiko pocket has this network address");
  });

  it("refuses an on_us payee that is one of the company's own pockets", async () => {
    const [own] = await refused(onUs("Harborline Logistics, Inc.", SEED_POCKETS.payroll));
    expect(own!.loc).toEqual(["body", "on_us", "account_number"]);
    expect(own!.msg).toMatch(/internal reallocation/);
  });
});

describe("roles, tenants and unlinking", () => {
  it("lets a read-only member read but not add or unlink payees", async () => {
    expect((await list(readOnly)).items.length).toBeGreaterThan(0);
    const add = await call(readOnly, "POST", PATH, ach());
    expect(add.status).toBe(403);
    expect(add.json.detail).toMatch(/ADMIN or INITIATOR.*READ_ONLY/);
    const [first] = (await list(admin)).items;
    const unlink = await call(readOnly, "PATCH", `${PATH}${first!.id}/`, { status: "UNLINKED" });
    expect(unlink.status).toBe(403);
  });

  it("lets an initiator add a payee, and records it in the audit log", async () => {
    const c = await create(ach({ account_number: "22334455" }), initiator);
    const log = await call(admin, "GET", "/api/v1/team/audit-logs/?limit=100");
    const entries = AuditLogList.parse(log.json).items;
    const entry = entries.find((e) => e.target_id === c.id);
    expect(entry?.action).toBe("counterparty.created");
    expect(entry?.target_type).toBe("counterparty");
    expect(entry?.actor?.name).toBe("Sam Rivera");
  });

  it("unlinks once, then answers 409; the unlink is audited", async () => {
    const c = await create(wire);
    const res = await call(admin, "PATCH", `${PATH}${c.id}/`, { status: "UNLINKED" });
    expect(res.status).toBe(200);
    expect(Counterparty.parse(res.json).status).toBe("UNLINKED");
    const again = await call(admin, "PATCH", `${PATH}${c.id}/`, { status: "UNLINKED" });
    expect(again.status).toBe(409);
    expect(again.json.detail).toMatch(/already unlinked/);
    const bad = await call(admin, "PATCH", `${PATH}${c.id}/`, { status: "VERIFIED" });
    expect(bad.status).toBe(422);
    const log = AuditLogList.parse((await call(admin, "GET", "/api/v1/team/audit-logs/")).json);
    const entry = log.items.find(
      (e) => e.target_id === c.id && e.action === "counterparty.unlinked",
    );
    expect(entry?.before?.status).toBe("PENDING");
    expect(entry?.after?.status).toBe("UNLINKED");
  });

  it("answers 404 for another customer's payee and for an unknown id", async () => {
    const [usPayee] = (await list(admin)).items;
    const get = await call(euAdmin, "GET", `${PATH}${usPayee!.id}/`);
    expect(get.status).toBe(404);
    expect(typeof get.json.detail).toBe("string");
    const patch = await call(euAdmin, "PATCH", `${PATH}${usPayee!.id}/`, { status: "UNLINKED" });
    expect(patch.status).toBe(404);
    const own = await call(admin, "GET", `${PATH}${usPayee!.id}/`);
    expect(Counterparty.parse(own.json).id).toBe(usPayee!.id);
    const unknown = await call(admin, "GET", `${PATH}00000000-0000-4000-8000-000000000000/`);
    expect(unknown.status).toBe(404);
  });
});

describe("paging and filters", () => {
  it("pages newest first with next_page and prev_page, and filters by type and status", async () => {
    const all = (await list(admin, "?limit=100")).items;
    const times = all.map((c) => c.time_created);
    expect(times).toEqual([...times].sort().reverse());
    const seen: string[] = [];
    let cursor: string | null = null;
    let second: string | null = null;
    do {
      const page: CounterpartyList = await list(
        admin,
        `?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((c) => c.id));
      if (!second && cursor) second = page.prev_page;
      cursor = page.next_page;
    } while (cursor);
    expect(seen).toEqual(all.map((c) => c.id));
    const back = await list(admin, `?limit=3&cursor=${second}`);
    expect(back.items.map((c) => c.id)).toEqual(all.slice(0, 3).map((c) => c.id));

    const wires = await list(admin, "?type=wire&limit=100");
    expect(wires.items.length).toBe(all.filter((c) => c.type === "wire").length);
    expect(wires.items.every((c) => c.type === "wire")).toBe(true);
    const unlinked = await list(admin, "?status=UNLINKED&limit=100");
    expect(unlinked.items.every((c) => c.status === "UNLINKED")).toBe(true);
    expect(unlinked.items.length).toBe(all.filter((c) => c.status === "UNLINKED").length);
    expect((await list(admin)).items.length).toBe(Math.min(30, all.length));
  });

  it("refuses a limit over 100, a type it does not know and a cursor it did not write", async () => {
    for (const q of ["?limit=101", "?limit=0", "?type=check", "?status=linked", "?cursor=abc"]) {
      expect((await call(admin, "GET", `${PATH}${q}`)).status, q).toBe(422);
    }
  });
});

describe("verification on the sandbox clock", () => {
  it("verifies on_us at once on a name match, others after their business days", async () => {
    const match = await create(onUs("  harborline   EUROPE b.v. ", SEED_POCKETS.euBuffer));
    expect(match).toMatchObject({ status: "VERIFIED", verification_method: "name_match" });
    const other = await create(onUs("Harborline EU", SEED_POCKETS.euBuffer));
    expect(other).toMatchObject({ status: "PENDING", verification_method: "name_match" });
    const a = await create(ach({ account_number: "77665544" }));
    expect(a).toMatchObject({ status: "PENDING", verification_method: "micro_deposits" });
    const w = await create(abroad());
    expect(w).toMatchObject({ status: "PENDING", verification_method: "supporting_documents" });
    if (w.type === "international_wire") {
      expect(w.international_wire.account_number).toBe("DE89370400440532013000");
      expect(w.international_wire.swift_code).toBe("COBADEFFXXX");
    }
    const pendingIds = async () =>
      (await list(admin, "?status=PENDING&limit=100")).items.map((c) => c.id);
    expect(await pendingIds()).toEqual(expect.arrayContaining([other.id, a.id, w.id]));

    await advance(1); // Tuesday: one business day on
    let pending = await pendingIds();
    expect(pending).toContain(a.id);
    expect(pending).not.toContain(w.id);
    expect(pending).not.toContain(other.id);
    const verified = await call(admin, "GET", `${PATH}${w.id}/`);
    expect(verified.json.status).toBe("VERIFIED");
    expect(Counterparty.parse(verified.json).time_updated > w.time_created).toBe(true);

    await advance(1); // Wednesday: two business days on
    pending = await pendingIds();
    expect(pending).not.toContain(a.id);
    const seeded = (await list(admin, "?limit=100")).items.find(
      (c) => c.name === "Keystone Freight Brokers LLC",
    );
    expect(seeded?.status).toBe("VERIFIED");
  });
});

describe("the sandbox's network-address route", () => {
  it("gives another company's pocket address, 422 for a bad id and 404 for an unknown one", async () => {
    const ok = await fetch(
      `${sb.apiUrl}/_sandbox/network-address?pocket_id=${SEED_POCKETS.euOperating}`,
    );
    expect(await ok.json()).toEqual({
      pocket_id: SEED_POCKETS.euOperating,
      network_address: networkAddressOf(SEED_POCKETS.euOperating),
    });
    expect((await fetch(`${sb.apiUrl}/_sandbox/network-address?pocket_id=x`)).status).toBe(422);
    const none = `${sb.apiUrl}/_sandbox/network-address?pocket_id=${SEED.customers.us}`;
    expect((await fetch(none)).status).toBe(404);
  });
});
