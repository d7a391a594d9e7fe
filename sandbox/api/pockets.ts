/**
 * Pockets v2 (list, create, get, update, earnings) on the sandbox clock. Bodies are parsed with
 * the contract's request schemas; answers are built to, and checked against, its response schemas.
 */
import type { Context } from "hono";
import { z } from "zod";
import {
  lastBusinessDayOnOrBefore,
  type PeriodToDate,
  periodStart,
} from "../../lib/jiko/business-days";
import {
  CreatePocketRequest,
  Earnings,
  EarningsPeriod,
  Pocket,
  PocketList,
  PocketStatus,
  UpdatePocketRequest,
} from "../../lib/jiko/pockets";
import type { Role } from "../../lib/jiko/roles";
import { STRATEGY_TERMS_WEEKS } from "../../lib/jiko/strategies";
import { ROLE_CAPABILITIES } from "../../lib/permissions";
import type { SandboxDb } from "../db/open";
import { type Pocket as PocketRow, pocketsOfCustomer } from "../directory";
import { isCanonicalPosition } from "../http/cursor";
import type { SandboxClock } from "../ledger/clock";
import { earningsBetween, portfolioOf, usd } from "../ledger/valuation";
import { createPocket, customerOfTeam, findPocket, updatePocket } from "../pocket-admin";
import { TeamRuleError } from "../team-admin";
import type { Principal } from "./auth";
import { body, parse, RequestInvalid } from "./team";

export const clockOf = (c: Context) =>
  (c as Context<{ Variables: { clock: SandboxClock } }>).get("clock");

const STRATEGY_IDS = Object.keys(STRATEGY_TERMS_WEEKS);

/** 422 for a strategy id the sandbox does not know, naming it. */
function assertStrategies(req: Record<string, unknown>, fields: string[]) {
  const detail = fields.flatMap((field) => {
    const id = req[field];
    if (typeof id !== "string" || STRATEGY_IDS.includes(id)) return [];
    return [
      {
        loc: ["body", field],
        msg: `Unknown trading strategy '${id}': use one of ${STRATEGY_IDS.join(", ")}`,
        type: "value_error",
        input: id,
      },
    ];
  });
  if (detail.length) throw new RequestInvalid(detail);
}

/** A path id that must be a UUID (FastAPI's 422 on `["path", <param>]` otherwise). */
export const pocketIdOf = (c: Context, param = "pocket_id"): string =>
  parse(z.object({ [param]: z.uuid() }), { [param]: c.req.param(param) }, "path")[param] as string;

async function pocketBody(db: SandboxDb, p: PocketRow, clock: SandboxClock): Promise<Pocket> {
  const today = await clock.today();
  return Pocket.parse({
    id: p.id,
    pocket_name: p.pocketName,
    portfolio: p.status === "PENDING" ? null : await portfolioOf(db, p, today, await clock.now()),
    status: p.status,
    // Sandbox choice: no attributes (JikoNet pockets would carry "ON_US_ENABLED").
    attributes: [],
    deposit_strategy_id: p.depositStrategyId,
    reinvestment_strategy_id: p.reinvestmentStrategyId,
    type: "STANDARD",
    customer_id: p.customerId,
    object_type: "Pocket",
  });
}

// --- List ----------------------------------------------------------------------------------

const ListQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  "filter[status]": z.array(PocketStatus).optional(),
});

/** Opaque cursors like Jiko's: base64 of `p=<created_at>&s=<id>[&r=1]`. */
const encodeCursor = (p: PocketRow, reverse = false) =>
  Buffer.from(
    new URLSearchParams({
      p: p.createdAt.toISOString(),
      s: p.id,
      ...(reverse && { r: "1" }),
    }).toString(),
  ).toString("base64");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only what encodeCursor writes: base64 text, an ISO instant and a pocket id; else a 422. */
function decodeCursor(cursor: string) {
  const ok = /^[A-Za-z0-9+/=]{1,512}$/.test(cursor);
  const q = new URLSearchParams(ok ? Buffer.from(cursor, "base64").toString("utf8") : "");
  const p = q.get("p");
  const s = q.get("s");
  if (!p || !s || !p.includes("T") || !isCanonicalPosition(p) || !UUID.test(s)) {
    throw new RequestInvalid([
      { loc: ["query", "cursor"], msg: "Invalid cursor", type: "value_error", input: cursor },
    ]);
  }
  return { at: new Date(p).getTime(), id: s, reverse: q.get("r") === "1" };
}

export async function listPockets(db: SandboxDb, p: Principal, c: Context) {
  const raw: Record<string, unknown> = {};
  for (const k of ["cursor", "limit"]) if (c.req.query(k) !== undefined) raw[k] = c.req.query(k);
  const statuses = c.req.queries("filter[status]");
  if (statuses?.length) raw["filter[status]"] = statuses;
  const q = parse(ListQuery, raw, "query");
  const limit = q.limit ?? 30;
  const clock = clockOf(c);
  await clock.catchUp();
  const all = (await pocketsOfCustomer(db, await customerOfTeam(db, p.teamId))).filter(
    (x) => !q["filter[status]"] || q["filter[status]"].includes(x.status as PocketStatus),
  );
  // Sorted by (created_at, id). A forward cursor names the last row of a page (the next page
  // starts after it), a reverse one the first row (the previous page ends before it).
  let start = 0;
  let end = all.length;
  if (q.cursor) {
    const cur = decodeCursor(q.cursor);
    const before = (x: PocketRow) => {
      const t = x.createdAt.getTime();
      return t < cur.at || (t === cur.at && x.id < cur.id);
    };
    const atOrBefore = (x: PocketRow) => before(x) || x.id === cur.id;
    if (cur.reverse) {
      end = all.filter(before).length;
      start = Math.max(0, end - limit);
    } else {
      start = all.filter(atOrBefore).length;
    }
  }
  end = Math.min(end, start + limit);
  const page = all.slice(start, end);
  const last = page[page.length - 1];
  const first = page[0];
  return PocketList.parse({
    prev_page: first && start > 0 ? encodeCursor(first, true) : null,
    next_page: last && end < all.length ? encodeCursor(last) : null,
    items: await Promise.all(page.map((x) => pocketBody(db, x, clock))),
    object_type: "CursorList",
  });
}

// --- One pocket ----------------------------------------------------------------------------

export async function getPocket(db: SandboxDb, p: Principal, c: Context) {
  const id = pocketIdOf(c);
  const pocket = await findPocket(db, await customerOfTeam(db, p.teamId), id);
  return pocketBody(db, pocket, clockOf(c));
}

/**
 * INFERRED: pocket writes need a role that manages pockets (the same role matrix the dashboard
 * reads, lib/permissions.ts); the scope alone is not enough. Client-credentials tokens act for
 * the team itself.
 */
function assertPocketManager(p: Principal) {
  if (p.member && !ROLE_CAPABILITIES[p.member.role as Role].includes("pockets:manage")) {
    throw new TeamRuleError(403, "Only team admins can create, change or close pockets.");
  }
}

export async function postPocket(db: SandboxDb, p: Principal, c: Context) {
  assertPocketManager(p);
  const req = await body(c, CreatePocketRequest);
  assertStrategies(req, ["trading_strategy_id", "reinvestment_strategy_id"]);
  const clock = clockOf(c);
  const today = await clock.today();
  const customerId = await customerOfTeam(db, p.teamId);
  const pocket = await createPocket(db, {
    principal: p,
    customerId,
    req,
    today,
    now: await clock.now(),
  });
  return c.json(await pocketBody(db, pocket, clock), 201);
}

export async function patchPocket(db: SandboxDb, p: Principal, c: Context) {
  assertPocketManager(p);
  const id = pocketIdOf(c);
  const req = await body(c, UpdatePocketRequest);
  assertStrategies(req, ["deposit_strategy_id", "reinvestment_strategy_id"]);
  if (req.status === "CLOSED" && !req.closure_reason) {
    throw new RequestInvalid([
      {
        loc: ["body", "closure_reason"],
        msg: "A closure_reason is required to close a pocket",
        type: "missing",
      },
    ]);
  }
  if (req.closure_reason && req.status !== "CLOSED") {
    throw new RequestInvalid([
      {
        loc: ["body", "closure_reason"],
        msg: 'closure_reason is only accepted with status "CLOSED"',
        type: "value_error",
        input: req.closure_reason,
      },
    ]);
  }
  const clock = clockOf(c);
  const today = await clock.today();
  const pocket = await findPocket(db, await customerOfTeam(db, p.teamId), id);
  const after = await updatePocket(db, {
    principal: p,
    pocket,
    req,
    today,
    now: await clock.now(),
  });
  return pocketBody(db, after, clock);
}

// --- Earnings ------------------------------------------------------------------------------

const EarningsQuery = z.object({
  period: EarningsPeriod.optional(),
  date_from: z.iso.date().optional(),
  date_to: z.iso.date().optional(),
});

export async function pocketEarnings(db: SandboxDb, p: Principal, c: Context) {
  const id = pocketIdOf(c);
  const raw: Record<string, unknown> = {};
  for (const k of ["period", "date_from", "date_to"]) {
    const v = c.req.query(k);
    if (v !== undefined && v !== "") raw[k] = v;
  }
  const q = parse(EarningsQuery, raw, "query");
  const period = q.period ?? "all-time";
  const clock = clockOf(c);
  const today = await clock.today();
  const pocket = await findPocket(db, await customerOfTeam(db, p.teamId), id);

  let from: string;
  let to: string;
  if (period === "range") {
    const missing = (["date_from", "date_to"] as const)
      .filter((k) => !q[k])
      .map((k) => ({
        loc: ["query", k],
        msg: "Field required when period is 'range'",
        type: "missing",
      }));
    if (missing.length) throw new RequestInvalid(missing);
    from = q.date_from!;
    to = q.date_to!;
    if (from > to) {
      throw new RequestInvalid([
        {
          loc: ["query", "date_from"],
          msg: "date_from must be on or before date_to",
          type: "value_error",
          input: from,
        },
      ]);
    }
    if (to > today) {
      throw new RequestInvalid([
        {
          loc: ["query", "date_to"],
          msg: `date_to must not be after today (${today})`,
          type: "value_error",
          input: to,
        },
      ]);
    }
  } else {
    to = lastBusinessDayOnOrBefore(today);
    from =
      period === "all-time"
        ? pocket.openedOn
        : [periodStart(period as PeriodToDate, today), pocket.openedOn].sort()[1]!;
  }
  const portfolio = await portfolioOf(db, pocket, today, await clock.now());
  return Earnings.parse({
    earnings: usd(await earningsBetween(db, pocket, from, to)),
    date_from: from,
    date_to: to,
    pricing_timestamp: portfolio.pricing_timestamp,
    appreciation_per_second: portfolio.appreciation_per_second,
  });
}
