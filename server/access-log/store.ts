import "server-only";
import { and, desc, eq, gte, lt, lte, or } from "drizzle-orm";
import { z } from "zod";
import {
  ACCESS_PAGE_SIZE,
  type AccessAction,
  type AccessEntry,
  type AccessLogPage,
} from "@/lib/access-log";
import { AccessSubject } from "@/lib/access-log-schemas";
import { ApiError } from "../api/guard";
import { db } from "../db";
import type { Db } from "../db/client";
import { accessLog } from "../db/schema";

/** The person doing the read, as the viewer knows them (server/viewer.ts). */
export interface Reader {
  userId: string;
  memberId: string;
  name: string;
  email: string;
  team: { id: string };
}

/**
 * Records one sensitive read before it is served: a read the log cannot hold is not served
 * (the caller's error answers). The subject names the object, never an account number.
 */
export async function recordAccess(
  reader: Reader,
  action: AccessAction,
  subject: AccessSubject | null = null,
  database: Db = db(),
): Promise<void> {
  const checked = subject ? AccessSubject.parse(subject) : null;
  await database.insert(accessLog).values({
    teamId: reader.team.id,
    userId: reader.userId,
    memberId: reader.memberId,
    actorName: reader.name,
    actorEmail: reader.email,
    action,
    subjectKind: checked?.kind ?? null,
    subjectId: checked?.id ?? null,
  });
}

/** The position after which the next page starts: newest first, by time then id. */
const Position = z.object({ at: z.iso.datetime({ offset: true }), id: z.string().min(1) });

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify({ at: at.toISOString(), id })).toString("base64url");
}

function decodeCursor(cursor: string): z.infer<typeof Position> {
  try {
    return Position.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new ApiError("invalid", "This page link is not valid. Go back to the first page.");
  }
}

const toEntry = (r: typeof accessLog.$inferSelect): AccessEntry => ({
  id: r.id,
  at: r.at.toISOString(),
  actor: { name: r.actorName, email: r.actorEmail },
  action: r.action as AccessAction,
  subject:
    r.subjectKind && r.subjectId
      ? AccessSubject.parse({ kind: r.subjectKind, id: r.subjectId })
      : null,
});

/** One page of a team's sensitive reads, newest first; only that team's entries. */
export async function listAccess(
  teamId: string,
  page: { cursor?: string; limit?: number } = {},
  database: Db = db(),
): Promise<AccessLogPage> {
  const limit = page.limit ?? ACCESS_PAGE_SIZE;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const at = after ? new Date(after.at) : null;
  const rows = await database
    .select()
    .from(accessLog)
    .where(
      and(
        eq(accessLog.teamId, teamId),
        after && at
          ? or(lt(accessLog.at, at), and(eq(accessLog.at, at), lt(accessLog.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toEntry),
    next_page: rows.length > limit && last ? encodeCursor(last.at, last.id) : null,
  };
}

/**
 * One action's entries for a team between two instants, oldest first, with who did it (member
 * id and name): the transfer controls report counts refused own decisions from here.
 */
export async function accessActions(
  teamId: string,
  action: AccessAction,
  period: { from: Date; to: Date },
  database: Db = db(),
) {
  return database
    .select({
      memberId: accessLog.memberId,
      name: accessLog.actorName,
      at: accessLog.at,
      subjectId: accessLog.subjectId,
    })
    .from(accessLog)
    .where(
      and(
        eq(accessLog.teamId, teamId),
        eq(accessLog.action, action),
        gte(accessLog.at, period.from),
        lte(accessLog.at, period.to),
      ),
    )
    .orderBy(accessLog.at)
    .limit(10_000);
}
