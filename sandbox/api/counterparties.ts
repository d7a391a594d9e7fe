/**
 * Counterparties v2 handlers: list (cursor, newest first), create, get, unlink. Managers
 * (COUNTERPARTY_RULES) add and unlink payees; any member whose token has the scope reads them.
 * Verification follows the sandbox clock (sandbox/transfers/counterparties.ts).
 */
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import {
  COUNTERPARTY_RULES,
  CounterpartyList,
  CounterpartyQuery,
  CreateCounterpartyRequest,
  UpdateCounterpartyRequest,
} from "../../lib/jiko/counterparties";
import type { Role } from "../../lib/jiko/roles";
import type { SandboxDb } from "../db/open";
import { counterparties } from "../db/schema";
import { decodeCursor, timestampPage } from "../http/cursor";
import { customerOfTeam } from "../pocket-admin";
import { TeamRuleError } from "../team-admin";
import {
  createCounterparty,
  findCounterparty,
  materialize,
  toCounterparty,
  unlinkCounterparty,
} from "../transfers/counterparties";
import type { Principal } from "./auth";
import { clockOf, pocketIdOf } from "./pockets";
import { body, parse, RequestInvalid } from "./team";

function assertManager(p: Principal, what: string) {
  if (p.member && !COUNTERPARTY_RULES.managers.includes(p.member.role as Role)) {
    const who = COUNTERPARTY_RULES.managers.join(" or ");
    throw new TeamRuleError(
      403,
      `Only ${who} members can ${what} (your role is ${p.member.role}).`,
    );
  }
}

export async function listCounterparties(db: SandboxDb, p: Principal, c: Context) {
  const q = parse(CounterpartyQuery, c.req.query(), "query");
  const cursor = q.cursor ? decodeCursor(q.cursor, (x) => !Number.isNaN(Date.parse(x))) : undefined;
  if (q.cursor && !cursor) {
    throw new RequestInvalid([
      { loc: ["query", "cursor"], msg: "Invalid cursor", type: "value_error", input: q.cursor },
    ]);
  }
  const customerId = await customerOfTeam(db, p.teamId);
  await materialize(db, customerId, await clockOf(c).now());
  const filter = and(
    eq(counterparties.customerId, customerId),
    q.type ? eq(counterparties.type, q.type) : undefined,
    q.status ? eq(counterparties.status, q.status) : undefined,
  );
  const page = await timestampPage({
    cursor,
    limit: q.limit ?? 30,
    order: "desc",
    filter,
    time: counterparties.createdAt,
    seq: counterparties.seq,
    read: (where, orderBy, n) =>
      db
        .select()
        .from(counterparties)
        .where(where)
        .orderBy(...orderBy)
        .limit(n),
    timeOf: (r) => r.createdAt,
  });
  return CounterpartyList.parse({
    prev_page: page.prev_page,
    next_page: page.next_page,
    items: page.rows.map(toCounterparty),
    object_type: "CursorList",
  });
}

export async function postCounterparty(db: SandboxDb, p: Principal, c: Context) {
  assertManager(p, "add payees");
  const req = await body(c, CreateCounterpartyRequest);
  const customerId = await customerOfTeam(db, p.teamId);
  const now = await clockOf(c).now();
  const row = await createCounterparty(db, { principal: p, customerId, req, now });
  return c.json(toCounterparty(row), 201);
}

export async function getCounterparty(db: SandboxDb, p: Principal, c: Context) {
  const id = pocketIdOf(c, "counterparty_id");
  const customerId = await customerOfTeam(db, p.teamId);
  return toCounterparty(await findCounterparty(db, customerId, id, await clockOf(c).now()));
}

export async function patchCounterparty(db: SandboxDb, p: Principal, c: Context) {
  const id = pocketIdOf(c, "counterparty_id");
  assertManager(p, "unlink payees");
  await body(c, UpdateCounterpartyRequest);
  const customerId = await customerOfTeam(db, p.teamId);
  const now = await clockOf(c).now();
  return toCounterparty(await unlinkCounterparty(db, { principal: p, customerId, id, now }));
}
