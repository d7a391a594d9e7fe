/**
 * The team audit log: `recordAudit` writes one entry inside the caller's transaction (team
 * changes now, pocket changes later), and the readers behind the Customer API's audit-log list,
 * per-member list and CSV: filters, keyset cursors (newest first) and RFC 4180 rows.
 */
import { and, asc, desc, eq, gte, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import {
  AUDIT_CSV_COLUMNS,
  type AuditAction,
  AuditLogList,
  CustomerAuditLogEntry,
} from "../lib/jiko/audit";
import type { DbOrTx, SandboxDb } from "./db/open";
import { auditLog } from "./db/schema";
import type { Member } from "./directory";
import { csvLine, csvStream } from "./http/csv";
import { decodeCursor as decodeKeysetCursor } from "./http/cursor";

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditActorInput {
  memberId: string | null;
  userId: string | null;
  name: string;
  email: string | null;
}

/** The member who made a change, as the log names them. */
export const actorOf = (m: Member): AuditActorInput => ({
  memberId: m.id,
  userId: m.personId,
  name: `${m.firstName} ${m.lastName}`.trim(),
  email: m.email,
});

/** The fields of a TeamMember that matter in before/after. */
export const memberSnapshot = (m: Member): Record<string, unknown> => ({
  id: m.id,
  user_id: m.personId,
  first_name: m.firstName,
  last_name: m.lastName,
  email: m.email,
  phone_number: m.phoneNumber,
  role: m.role,
  status: m.status,
  access: m.access,
});

/** Writes one entry; call it in the transaction of the change it records. */
export async function recordAudit(
  tx: DbOrTx,
  e: {
    teamId: string;
    /** null: a change Jiko made itself. */
    actor: AuditActorInput | null;
    action: AuditAction;
    targetType: string;
    targetId: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    /** Defaults to now (millisecond precision, so cursors round-trip exactly). */
    at?: Date;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    teamId: e.teamId,
    timestamp: e.at ?? new Date(),
    actorMemberId: e.actor?.memberId ?? null,
    actorUserId: e.actor?.userId ?? null,
    actorName: e.actor?.name ?? null,
    actorEmail: e.actor?.email ?? null,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    before: e.before,
    after: e.after,
  });
}

export interface AuditFilter {
  teamId: string;
  /** Entries where this member is the actor or the target (both may be given: AND). */
  memberIds?: string[];
  from?: Date;
  to?: Date;
  actions?: string[];
}

/** Keyset position: the boundary row's (timestamp, seq); `reverse` walks towards newer rows. */
interface Cursor {
  at: Date;
  seq: number;
  reverse: boolean;
}

/** Opaque to clients; like Jiko's, a base64 of `p=<timestamp>&s=<seq>[&r=1]`. */
export function encodeCursor(row: Pick<AuditRow, "timestamp" | "seq">, reverse: boolean): string {
  const q = new URLSearchParams({ p: row.timestamp.toISOString(), s: String(row.seq) });
  if (reverse) q.set("r", "1");
  return Buffer.from(q.toString()).toString("base64url");
}

/** The shared codec's checks (sandbox/http/cursor.ts): a garbage cursor never reaches a query. */
export function decodeCursor(cursor: string): Cursor | undefined {
  const c = decodeKeysetCursor(cursor, (p) => p.includes("T"));
  return c && { at: new Date(c.position), seq: c.seq, reverse: c.reverse };
}

function where(f: AuditFilter, extra?: SQL): SQL | undefined {
  const conds: (SQL | undefined)[] = [eq(auditLog.teamId, f.teamId)];
  for (const id of f.memberIds ?? []) {
    conds.push(or(eq(auditLog.actorMemberId, id), eq(auditLog.targetId, id)));
  }
  if (f.from) conds.push(gte(auditLog.timestamp, f.from));
  if (f.to) conds.push(lte(auditLog.timestamp, f.to));
  if (f.actions?.length) conds.push(inArray(auditLog.action, f.actions));
  conds.push(extra);
  return and(...conds);
}

const key = sql`(${auditLog.timestamp}, ${auditLog.seq})`;
const before = (c: Pick<Cursor, "at" | "seq">) =>
  sql`${key} < (${c.at.toISOString()}::timestamptz, ${c.seq})`;
const after = (c: Pick<Cursor, "at" | "seq">) =>
  sql`${key} > (${c.at.toISOString()}::timestamptz, ${c.seq})`;

export function toEntry(r: AuditRow): CustomerAuditLogEntry {
  return {
    id: r.id,
    timestamp: r.timestamp.toISOString(),
    actor:
      r.actorName === null
        ? null
        : {
            member_id: r.actorMemberId,
            user_id: r.actorUserId,
            name: r.actorName,
            email: r.actorEmail,
          },
    action: r.action as AuditAction,
    target_type: r.targetType,
    target_id: r.targetId,
    before: (r.before as Record<string, unknown> | null) ?? null,
    after: (r.after as Record<string, unknown> | null) ?? null,
    object_type: "CustomerAuditLogEntry",
  };
}

/** One page, newest first, with cursors both ways (`prev_page` is null on the first page). */
export async function auditPage(
  db: SandboxDb,
  f: AuditFilter,
  o: { cursor?: Cursor; limit: number },
): Promise<AuditLogList> {
  const c = o.cursor;
  let rows: AuditRow[];
  let more: boolean;
  if (c?.reverse) {
    const found = await db
      .select()
      .from(auditLog)
      .where(where(f, after(c)))
      .orderBy(asc(auditLog.timestamp), asc(auditLog.seq))
      .limit(o.limit + 1);
    more = found.length > o.limit;
    rows = found.slice(0, o.limit).reverse();
  } else {
    const found = await db
      .select()
      .from(auditLog)
      .where(where(f, c ? before(c) : undefined))
      .orderBy(desc(auditLog.timestamp), desc(auditLog.seq))
      .limit(o.limit + 1);
    more = found.length > o.limit;
    rows = found.slice(0, o.limit);
  }
  const first = rows[0];
  const last = rows.at(-1);
  // Forward: older rows remain if we fetched one more; newer ones if we came from a cursor.
  // Reverse: the mirror image.
  const hasOlder = c?.reverse ? true : more;
  const hasNewer = c?.reverse ? more : c !== undefined;
  return AuditLogList.parse({
    prev_page: hasNewer && first ? encodeCursor(first, true) : null,
    next_page: hasOlder && last ? encodeCursor(last, false) : null,
    items: rows.map(toEntry),
    object_type: "CursorList",
  });
}

/** Every matching row, newest first, read from the database in pages of `pageSize`. */
export async function* auditRows(db: SandboxDb, f: AuditFilter, pageSize = 500) {
  let c: Pick<Cursor, "at" | "seq"> | undefined;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(where(f, c ? before(c) : undefined))
      .orderBy(desc(auditLog.timestamp), desc(auditLog.seq))
      .limit(pageSize);
    for (const r of rows) yield r;
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    c = { at: last.timestamp, seq: last.seq };
  }
}

/** One CSV row of an entry, in AUDIT_CSV_COLUMNS order (before/after as JSON text). */
export function csvRow(e: CustomerAuditLogEntry): string {
  const json = (v: unknown) => (v === null ? "" : JSON.stringify(v));
  const cells: Record<(typeof AUDIT_CSV_COLUMNS)[number], string> = {
    id: e.id,
    timestamp: e.timestamp,
    actor_member_id: e.actor?.member_id ?? "",
    actor_name: e.actor?.name ?? "",
    actor_email: e.actor?.email ?? "",
    action: e.action,
    target_type: e.target_type,
    target_id: e.target_id,
    before: json(e.before),
    after: json(e.after),
  };
  return csvLine(AUDIT_CSV_COLUMNS.map((c) => cells[c]));
}

/** The CSV as a byte stream: header, then rows pulled from the database a page at a time. */
export const auditCsvStream = (db: SandboxDb, f: AuditFilter): ReadableStream<Uint8Array> =>
  csvStream(AUDIT_CSV_COLUMNS, auditRows(db, f), (r) =>
    csvRow(CustomerAuditLogEntry.parse(toEntry(r))),
  );
