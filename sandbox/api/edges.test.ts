/**
 * The Customer API's edges: whatever a client sends — a forged cursor, a control character in a
 * name, a NUL anywhere — the answer is Jiko's 422 naming the input, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorBody } from "../../lib/jiko/common";
import { type Sandbox, startSandbox } from "../server";
import { registerTestClient } from "../testing/oauth-client";
import { AVERY, call, SUNDAY, tokenFor } from "./pockets-test-kit";

let sb: Sandbox;
let avery: string;
beforeAll(async () => {
  sb = await startSandbox({ apiPort: 0, portalPort: 0, now: () => SUNDAY });
  avery = await tokenFor(sb, await registerTestClient(sb.portalUrl), AVERY);
}, 60_000);
afterAll(() => sb?.close());

const b64 = (s: string) => Buffer.from(s).toString("base64url");

/** Its status and, for a 422, the locations FastAPI names. */
async function answer(method: string, path: string, body?: unknown) {
  const res = await call(sb, avery, method, path, body);
  const parsed = ErrorBody.safeParse(await res.json().catch(() => null));
  const detail = parsed.success ? parsed.data.detail : undefined;
  return {
    status: res.status,
    locs: Array.isArray(detail) ? detail.map((d) => d.loc.join(".")) : [],
    msgs: Array.isArray(detail) ? detail.map((d) => d.msg) : [],
  };
}

const LISTS = [
  "/api/v2/pockets/",
  "/api/v2/transactions/",
  "/api/v1/trades/",
  "/api/v2/trades/",
  "/api/v1/statements/",
  "/api/v1/report-requests/",
  "/api/v1/team/audit-logs/",
];

const FORGED = {
  "not base64": "!!!",
  "too long": "A".repeat(600),
  "month 13": b64("p=2026-13-01&s=1"),
  "day 99": b64("p=2026-01-99&s=1"),
  "year 99999": b64("p=Jan 1 99999&s=1"),
  "year 0": b64("p=0000-01-01&s=1"),
  "a bare number": b64("p=1&s=1"),
  "sequence past an integer": b64("p=2026-01-01T00:00:00.000Z&s=99999999999"),
  "sequence in exponent form": b64("p=2026-01-01&s=1e22"),
  "negative sequence": b64("p=2026-01-01T00:00:00.000Z&s=-1"),
  "NUL in the position": b64("p=\u0000&s=1"),
};

describe("cursors", () => {
  for (const list of LISTS) {
    it(`${list} answers 422 on the cursor for every forged one`, async () => {
      for (const [what, cursor] of Object.entries(FORGED)) {
        const r = await answer("GET", `${list}?cursor=${encodeURIComponent(cursor)}`);
        expect({ what, status: r.status, locs: r.locs }).toEqual({
          what,
          status: 422,
          locs: ["query.cursor"],
        });
      }
    });
  }

  it("still follows its own cursors", async () => {
    for (const list of ["/api/v2/transactions/", "/api/v2/trades/", "/api/v1/team/audit-logs/"]) {
      const first = await call(sb, avery, "GET", `${list}?limit=2`);
      const { next_page } = (await first.json()) as { next_page: string };
      const second = await call(sb, avery, "GET", `${list}?limit=2&cursor=${next_page}`);
      expect(second.status, list).toBe(200);
    }
  });
});

describe("names and NULs", () => {
  const invite = {
    first_name: "Riley",
    last_name: "Quinn",
    email: "riley.quinn@example.com",
    phone_number: "+14155550188",
    role: "READ_ONLY",
  };

  it("refuses control characters in names with a 422 on the field", async () => {
    const cases: [string, string, Record<string, unknown>, string][] = [
      ["POST", "/api/v1/team/invite/", { ...invite, first_name: "Ri\tley" }, "body.first_name"],
      ["POST", "/api/v1/team/invite/", { ...invite, last_name: "Quinn\n" + "x" }, "body.last_name"],
      [
        "POST",
        "/api/v1/team/service-users/",
        { name: "ERP\u001bsync", email: "erp@example.com", role: "READ_ONLY" },
        "body.name",
      ],
      [
        "POST",
        "/api/v2/pockets/",
        { pocket_name: "Capex\u0007", trading_strategy_id: "UST-4W" },
        "body.pocket_name",
      ],
    ];
    for (const [method, path, body, loc] of cases) {
      const r = await answer(method, path, body);
      expect({ path, status: r.status, locs: r.locs }).toEqual({ path, status: 422, locs: [loc] });
      expect(r.msgs[0]).toMatch(/cannot contain tabs, line breaks or control characters/);
    }
  });

  it("answers 422 for a NUL in a name, a body field, a query or a path, never 500", async () => {
    const cases: [string, string, unknown, string][] = [
      ["POST", "/api/v1/team/invite/", { ...invite, first_name: "Ri\u0000ley" }, "body.first_name"],
      [
        "POST",
        "/api/v1/team/service-users/",
        { name: "ERP\u0000", email: "erp@example.com", role: "READ_ONLY" },
        "body.name",
      ],
      [
        "POST",
        "/api/v2/pockets/",
        { pocket_name: "Capex\u0000", trading_strategy_id: "UST-4W" },
        "body.pocket_name",
      ],
      ["GET", "/api/v2/trades/?cusip=912797%00", undefined, "query.cusip"],
      ["GET", "/api/v2/transactions/?search=a%00b", undefined, "query.search"],
      ["GET", "/api/v2/pockets/%00/", undefined, "path"],
      ["GET", "/_sandbox/people?team=%00", undefined, "query.team"],
    ];
    for (const [method, path, body, loc] of cases) {
      const r = await answer(method, path, body);
      expect({ path, status: r.status, locs: r.locs }).toEqual({ path, status: 422, locs: [loc] });
    }
  });

  it("leaves the database as it was after refusing", async () => {
    const res = await call(sb, avery, "GET", "/api/v1/team/");
    const text = await res.text();
    expect(text).not.toContain("\\u0000");
    expect(text).not.toContain("ERP");
  });
});
