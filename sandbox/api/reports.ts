/**
 * Reports: report requests are generated on the sandbox clock (REQUESTED, then PROCESSING after
 * 2 seconds, COMPLETED after 6) and downloaded through a 10-minute signed link. Each type takes
 * only its own parameters and output formats (lib/jiko/reports.ts).
 */
import { and, eq, gte, inArray, lte } from "drizzle-orm";
import type { Context } from "hono";
import { daysBetween } from "../../lib/jiko/business-days";
import {
  CreateReportRequest,
  MAX_REPORT_RANGE_DAYS,
  type Report,
  ReportDownload,
  ReportRequest,
  ReportRequestList,
  ReportRequestListQuery,
  type ReportStatus,
} from "../../lib/jiko/reports";
import type { Role } from "../../lib/jiko/roles";
import { ROLE_CAPABILITIES } from "../../lib/permissions";
import type { SandboxDb } from "../db/open";
import { pockets, reportRequests } from "../db/schema";
import { DOCUMENT_LINK_TTL_MS, signDocument } from "../documents/signed-url";
import { scheduleReportReady } from "../events/schedule";
import { decodeCursor, timestampPage } from "../http/cursor";
import { stableId } from "../ids";
import { customerOfTeam } from "../pocket-admin";
import { reportFileName } from "../reports/render";
import { TeamRuleError } from "../team-admin";
import type { Principal } from "./auth";
import { clockOf, pocketIdOf } from "./pockets";
import { body, parse, RequestInvalid } from "./team";

type Row = typeof reportRequests.$inferSelect;

export const PROCESSING_AFTER_MS = 2_000;
export const COMPLETED_AFTER_MS = 6_000;

const statusAt = (r: Row, now: Date): ReportStatus => {
  const age = now.getTime() - r.createdAt.getTime();
  return age >= COMPLETED_AFTER_MS
    ? "COMPLETED"
    : age >= PROCESSING_AFTER_MS
      ? "PROCESSING"
      : "REQUESTED";
};

export const reportIdOf = (requestId: string) => stableId("report", requestId);

function reportOf(r: Row, now: Date): Report | null {
  if (statusAt(r, now) !== "COMPLETED") return null;
  return {
    id: reportIdOf(r.id),
    report_request_id: r.id,
    report_type: r.reportType as Report["report_type"],
    output_format: r.outputFormat as Report["output_format"],
    status: "COMPLETED",
    file_name: reportFileName(r),
    time_created: new Date(r.createdAt.getTime() + COMPLETED_AFTER_MS).toISOString(),
    object_type: "Report",
  };
}

function toRequest(r: Row, now: Date): ReportRequest {
  const status = statusAt(r, now);
  const changed =
    status === "COMPLETED" ? COMPLETED_AFTER_MS : status === "PROCESSING" ? PROCESSING_AFTER_MS : 0;
  return ReportRequest.parse({
    id: r.id,
    report_type: r.reportType,
    output_format: r.outputFormat,
    parameters: r.parameters,
    status,
    report: reportOf(r, now),
    failure_reason: null,
    time_created: r.createdAt.toISOString(),
    time_updated: new Date(r.createdAt.getTime() + changed).toISOString(),
    object_type: "ReportRequest",
  });
}

const invalid = (field: string, msg: string, input?: unknown): never => {
  throw new RequestInvalid([{ loc: ["body", field], msg, type: "value_error", input }]);
};

function assertReporter(p: Principal) {
  if (p.member && !ROLE_CAPABILITIES[p.member.role as Role].includes("reports:create")) {
    throw new TeamRuleError(403, "Your role cannot request reports.");
  }
}

export async function createReportRequest(db: SandboxDb, p: Principal, c: Context) {
  assertReporter(p);
  const req = await body(c, CreateReportRequest);
  const clock = clockOf(c);
  const today = await clock.today();
  const customerId = await customerOfTeam(db, p.teamId);
  if ("date_from" in req) {
    if (req.date_from > req.date_to) invalid("date_to", "date_to is before date_from", req.date_to);
    if (daysBetween(req.date_from, req.date_to) + 1 > MAX_REPORT_RANGE_DAYS) {
      invalid("date_to", `The date range is limited to ${MAX_REPORT_RANGE_DAYS} days`, req.date_to);
    }
    if (req.date_to > today) invalid("date_to", "date_to is in the future", req.date_to);
  }
  const day =
    "reporting_date" in req ? req.reporting_date : "as_of_date" in req ? req.as_of_date : undefined;
  if (day && day > today) {
    invalid(
      "reporting_date" in req ? "reporting_date" : "as_of_date",
      "The date is in the future",
      day,
    );
  }
  if ("pocket_ids" in req && req.pocket_ids?.length) {
    const known = await db
      .select({ id: pockets.id })
      .from(pockets)
      .where(and(eq(pockets.customerId, customerId), inArray(pockets.id, req.pocket_ids)));
    const unknown = req.pocket_ids.filter((id) => !known.some((k) => k.id === id));
    if (unknown.length) invalid("pocket_ids", `Unknown pocket: ${unknown.join(", ")}`, unknown);
  }
  const now = await clock.now();
  const [row] = await db
    .insert(reportRequests)
    .values({
      customerId,
      reportType: req.report_type,
      outputFormat: req.output_format,
      parameters: req as Record<string, unknown>,
      createdAt: now,
    })
    .returning();
  await scheduleReportReady(db, {
    customerId,
    reportId: reportIdOf(row!.id),
    memberId: p.member?.id ?? null,
    reportType: req.report_type,
    dueAt: new Date(now.getTime() + COMPLETED_AFTER_MS),
  });
  return c.json(toRequest(row!, now), 201);
}

export async function listReportRequests(db: SandboxDb, p: Principal, c: Context) {
  const q = parse(ReportRequestListQuery, c.req.query(), "query");
  const cursor = q.cursor ? decodeCursor(q.cursor, (x) => !Number.isNaN(Date.parse(x))) : undefined;
  if (q.cursor && !cursor) {
    throw new RequestInvalid([
      { loc: ["query", "cursor"], msg: "Invalid cursor", type: "value_error", input: q.cursor },
    ]);
  }
  const customerId = await customerOfTeam(db, p.teamId);
  const filter = and(
    eq(reportRequests.customerId, customerId),
    q.date_from ? gte(reportRequests.createdAt, new Date(`${q.date_from}T00:00:00Z`)) : undefined,
    q.date_to ? lte(reportRequests.createdAt, new Date(`${q.date_to}T23:59:59.999Z`)) : undefined,
  );
  const page = await timestampPage({
    cursor,
    limit: q.limit ?? 30,
    order: "desc",
    filter,
    time: reportRequests.createdAt,
    seq: reportRequests.seq,
    read: (where, orderBy, n) =>
      db
        .select()
        .from(reportRequests)
        .where(where)
        .orderBy(...orderBy)
        .limit(n),
    timeOf: (r) => r.createdAt,
  });
  const now = await clockOf(c).now();
  return ReportRequestList.parse({
    prev_page: page.prev_page,
    next_page: page.next_page,
    items: page.rows.map((r) => toRequest(r, now)),
    object_type: "CursorList",
  });
}

async function findRequest(db: SandboxDb, p: Principal, requestId: string) {
  const customerId = await customerOfTeam(db, p.teamId);
  const [row] = await db
    .select()
    .from(reportRequests)
    .where(and(eq(reportRequests.id, requestId), eq(reportRequests.customerId, customerId)));
  if (!row) throw new TeamRuleError(404, "Not Found");
  return row;
}

/** A report's request, found from the report id (one report per request). */
async function findByReport(db: SandboxDb, p: Principal, reportId: string) {
  const customerId = await customerOfTeam(db, p.teamId);
  const rows = await db
    .select()
    .from(reportRequests)
    .where(eq(reportRequests.customerId, customerId));
  const row = rows.find((r) => reportIdOf(r.id) === reportId);
  if (!row) throw new TeamRuleError(404, "Not Found");
  return row;
}

export async function getReportRequest(db: SandboxDb, p: Principal, c: Context) {
  const row = await findRequest(db, p, pocketIdOf(c, "report_request_id"));
  return toRequest(row, await clockOf(c).now());
}

export async function getReport(db: SandboxDb, p: Principal, c: Context) {
  const row = await findByReport(db, p, pocketIdOf(c, "report_id"));
  const report = reportOf(row, await clockOf(c).now());
  if (!report) throw new TeamRuleError(404, "Not Found");
  return report;
}

/** POST: a fresh time-limited link to the file; 409 while the report is still being made. */
export async function downloadReport(db: SandboxDb, p: Principal, c: Context) {
  const row = await findByReport(db, p, pocketIdOf(c, "report_id"));
  if (!reportOf(row, await clockOf(c).now())) {
    throw new TeamRuleError(409, "The report is not ready yet.");
  }
  const now = Date.now();
  const token = signDocument({ kind: "report", id: row.id }, now);
  return ReportDownload.parse({
    url: `${new URL(c.req.url).origin}/_sandbox/documents/${token}`,
    expires_at: new Date(now + DOCUMENT_LINK_TTL_MS).toISOString(),
    object_type: "ReportDownload",
  });
}
