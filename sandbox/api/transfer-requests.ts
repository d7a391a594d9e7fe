/**
 * Transfer requests (`/api/v1/transfer-requests/`): create, list, reviewers, get, cancel and
 * decide. The rules live in sandbox/transfers/; these handlers parse, call and shape.
 */
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import {
  CreateTransferRequest,
  DualAuthUserList,
  TransferRequestList,
  TransferRequestQuery,
  UpdateTransferRequestStatus,
} from "../../lib/jiko/transfers";
import type { SandboxDb } from "../db/open";
import { members, transferRequests } from "../db/schema";
import { decodeCursor, timestampPage } from "../http/cursor";
import { customerOfTeam } from "../pocket-admin";
import { cancelRequest, createRequest, decideRequest, findRequest } from "../transfers/decide";
import { transferCreateLimiter } from "../transfers/per-second";
import {
  dualAuthUser,
  expireDue,
  isReviewer,
  membersOf,
  type RequestRow,
  toTransferRequest,
} from "../transfers/requests";
import type { Principal } from "./auth";
import { PersonRequired } from "./identity";
import { clockOf, pocketIdOf } from "./pockets";
import { body, parse, RequestInvalid } from "./team";

/** Creating and deciding are a person's acts: the request names its creator and decider. */
const personOf = (p: Principal) => {
  if (!p.member) throw new PersonRequired();
  return p.member;
};

async function shaped(db: SandboxDb, rows: RequestRow[], now: Date) {
  const people = await membersOf(db, rows);
  return rows.map((r) => toTransferRequest(r, people, now));
}

export async function createTransferRequest(db: SandboxDb, p: Principal, c: Context) {
  const member = personOf(p);
  const wait = transferCreateLimiter.hit(p.rateKey);
  if (wait !== null) {
    return c.json({ detail: "Rate limit exceeded: at most 1 transfer request a second" }, 429, {
      "Retry-After": String(wait),
    });
  }
  const req = await body(c, CreateTransferRequest);
  const clock = clockOf(c);
  const customerId = await customerOfTeam(db, p.teamId);
  const { row, created } = await createRequest(db, clock, {
    principal: p,
    member,
    customerId,
    req,
  });
  const [out] = await shaped(db, [row], await clock.now());
  return c.json(out, created ? 201 : 200);
}

export async function listTransferRequests(db: SandboxDb, p: Principal, c: Context) {
  const q = parse(TransferRequestQuery, c.req.query(), "query");
  const cursor = q.cursor ? decodeCursor(q.cursor, (x) => !Number.isNaN(Date.parse(x))) : undefined;
  if (q.cursor && !cursor) {
    throw new RequestInvalid([
      { loc: ["query", "cursor"], msg: "Invalid cursor", type: "value_error", input: q.cursor },
    ]);
  }
  const customerId = await customerOfTeam(db, p.teamId);
  const now = await clockOf(c).now();
  await expireDue(db, customerId, now);
  const filter = and(
    eq(transferRequests.customerId, customerId),
    q.status ? eq(transferRequests.status, q.status) : undefined,
    q.origin_pocket_id ? eq(transferRequests.originPocketId, q.origin_pocket_id) : undefined,
  );
  const page = await timestampPage({
    cursor,
    limit: q.limit ?? 30,
    order: "desc",
    filter,
    time: transferRequests.createdAt,
    seq: transferRequests.seq,
    read: (where, orderBy, n) =>
      db
        .select()
        .from(transferRequests)
        .where(where)
        .orderBy(...orderBy)
        .limit(n),
    timeOf: (r) => r.createdAt,
  });
  return TransferRequestList.parse({
    prev_page: page.prev_page,
    next_page: page.next_page,
    items: await shaped(db, page.rows, now),
    object_type: "CursorList",
  });
}

export async function listReviewers(db: SandboxDb, p: Principal) {
  const team = await db
    .select()
    .from(members)
    .where(and(eq(members.teamId, p.teamId), eq(members.status, "ACTIVE")));
  const items = team
    .filter(isReviewer)
    .sort((a, b) => `${a.firstName} ${a.lastName}`.localeCompare(`${b.firstName} ${b.lastName}`))
    .map(dualAuthUser);
  return DualAuthUserList.parse({ offset: 0, count: items.length, items, object_type: "List" });
}

export async function getTransferRequest(db: SandboxDb, p: Principal, c: Context) {
  const id = pocketIdOf(c, "transfer_id");
  const now = await clockOf(c).now();
  const row = await findRequest(db, await customerOfTeam(db, p.teamId), id, now);
  return (await shaped(db, [row], now))[0];
}

export async function cancelTransferRequest(db: SandboxDb, p: Principal, c: Context) {
  const member = personOf(p);
  const id = pocketIdOf(c, "transfer_id");
  const customerId = await customerOfTeam(db, p.teamId);
  await cancelRequest(db, clockOf(c), { member, customerId, id });
  return c.body(null, 204);
}

export async function decideTransferRequest(db: SandboxDb, p: Principal, c: Context) {
  const member = personOf(p);
  const id = pocketIdOf(c, "transfer_id");
  const req = await body(c, UpdateTransferRequestStatus);
  const clock = clockOf(c);
  const customerId = await customerOfTeam(db, p.teamId);
  const row = await decideRequest(db, clock, {
    member,
    customerId,
    id,
    status: req.status,
    reason: req.reason ?? null,
  });
  return (await shaped(db, [row], await clock.now()))[0];
}
