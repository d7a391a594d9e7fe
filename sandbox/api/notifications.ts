/**
 * Notifications (lib/jiko/events.ts): each person sees and marks only their own, in the team the
 * token acts for. Someone else's notification is a 404, like an unknown one.
 */
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import {
  CustomerNotification,
  NotificationList,
  NotificationListQuery,
  UpdateNotificationStatus,
} from "../../lib/jiko/events";
import type { SandboxDb } from "../db/open";
import { notifications } from "../db/schema";
import { decodeCursor, timestampPage } from "../http/cursor";
import { TeamRuleError } from "../team-admin";
import type { Principal } from "./auth";
import { PersonRequired } from "./identity";
import { pocketIdOf } from "./pockets";
import { body, parse, RequestInvalid } from "./team";

type Row = typeof notifications.$inferSelect;

const toNotification = (r: Row): CustomerNotification =>
  CustomerNotification.parse({
    id: r.id,
    title: r.title,
    description: r.description,
    status: r.status,
    type: r.type,
    created_at: r.createdAt.toISOString(),
    notification_metadata: r.metadata ?? null,
    object_type: "CustomerNotification",
  });

const memberOf = (p: Principal) => {
  if (!p.member) throw new PersonRequired();
  return p.member.id;
};

export async function listNotifications(db: SandboxDb, p: Principal, c: Context) {
  const q = parse(NotificationListQuery, c.req.query(), "query");
  const cursor = q.cursor ? decodeCursor(q.cursor, (x) => !Number.isNaN(Date.parse(x))) : undefined;
  if (q.cursor && !cursor) {
    throw new RequestInvalid([
      { loc: ["query", "cursor"], msg: "Invalid cursor", type: "value_error", input: q.cursor },
    ]);
  }
  const filter = and(
    eq(notifications.memberId, memberOf(p)),
    q.status ? eq(notifications.status, q.status) : undefined,
  );
  const page = await timestampPage({
    cursor,
    limit: q.limit,
    order: "desc",
    filter,
    time: notifications.createdAt,
    seq: notifications.seq,
    read: (where, orderBy, n) =>
      db
        .select()
        .from(notifications)
        .where(where)
        .orderBy(...orderBy)
        .limit(n),
    timeOf: (r) => r.createdAt,
  });
  return NotificationList.parse({
    prev_page: page.prev_page,
    next_page: page.next_page,
    items: page.rows.map(toNotification),
    object_type: "CursorList",
  });
}

async function findOwn(db: SandboxDb, p: Principal, c: Context): Promise<Row> {
  const id = pocketIdOf(c, "notification_id");
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.memberId, memberOf(p))));
  if (!row) throw new TeamRuleError(404, "Notification not found");
  return row;
}

export async function getNotification(db: SandboxDb, p: Principal, c: Context) {
  return toNotification(await findOwn(db, p, c));
}

export async function patchNotification(db: SandboxDb, p: Principal, c: Context) {
  const row = await findOwn(db, p, c);
  const req = await body(c, UpdateNotificationStatus);
  const [updated] = await db
    .update(notifications)
    .set({ status: req.status })
    .where(eq(notifications.id, row.id))
    .returning();
  return toNotification(updated!);
}
