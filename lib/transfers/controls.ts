/**
 * The controls report: how dual authorization worked over a period, person by person. It answers
 * what an auditor asks: who requested and who decided, how fast, what was cancelled or left to
 * expire, and every attempt to decide one's own request (refused by Jiko). Built from Jiko's
 * audit log (who did what, when) and the requests themselves (when each was made).
 */
import { csvCell } from "../csv";
import type { CustomerAuditLogEntry } from "../jiko/audit";
import type { TransferRequest } from "../jiko/transfers";
import type { ControlsReport, ControlsRow } from "./controls-schemas";

export type { ControlsReport, ControlsRow } from "./controls-schemas";

export const CONTROL_ACTIONS = [
  "transfer_request.created",
  "transfer_request.approved",
  "transfer_request.denied",
  "transfer_request.cancelled",
  "transfer_request.expired",
  "transfer_request.self_decision_refused",
] as const satisfies readonly CustomerAuditLogEntry["action"][];

const KEY: Record<(typeof CONTROL_ACTIONS)[number], keyof ControlsRow> = {
  "transfer_request.created": "requested",
  "transfer_request.approved": "approved",
  "transfer_request.denied": "denied",
  "transfer_request.cancelled": "cancelled",
  "transfer_request.expired": "expired",
  "transfer_request.self_decision_refused": "selfDecisionsRefused",
};

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const blank = (memberId: string, name: string): ControlsRow => ({
  memberId,
  name,
  requested: 0,
  approved: 0,
  denied: 0,
  cancelled: 0,
  expired: 0,
  selfDecisionsRefused: 0,
  medianMinutesToDecide: null,
});

/**
 * One row per person who did anything in the period. An expiry is Jiko's own doing (no actor):
 * it is counted against the person who made the request, so a queue left to lapse shows.
 */
export function controlsReport(
  period: { from: string; to: string },
  entries: readonly CustomerAuditLogEntry[],
  requests: readonly TransferRequest[],
  /** Attempts on one's own request that Treasury Desk refused before asking Jiko. */
  refusedHere: readonly { memberId: string; name: string; requestId: string | null }[] = [],
): ControlsReport {
  const byId = new Map(requests.map((r) => [r.id, r]));
  const rows = new Map<string, ControlsRow>();
  const waits = new Map<string, number[]>();
  for (const e of entries) {
    if (!(CONTROL_ACTIONS as readonly string[]).includes(e.action)) continue;
    const action = e.action as (typeof CONTROL_ACTIONS)[number];
    const request = byId.get(e.target_id);
    const who =
      e.actor?.member_id != null
        ? { id: e.actor.member_id, name: e.actor.name }
        : request
          ? { id: request.created_by.id, name: request.created_by.name }
          : null;
    if (!who) continue;
    const row = rows.get(who.id) ?? blank(who.id, who.name);
    rows.set(who.id, row);
    (row[KEY[action]] as number) += 1;
    if (
      (action === "transfer_request.approved" || action === "transfer_request.denied") &&
      request
    ) {
      const minutes = (Date.parse(e.timestamp) - Date.parse(request.time_created)) / 60_000;
      waits.set(who.id, [...(waits.get(who.id) ?? []), Math.max(minutes, 0)]);
    }
  }
  for (const r of refusedHere) {
    const row = rows.get(r.memberId) ?? blank(r.memberId, r.name);
    rows.set(r.memberId, row);
    row.selfDecisionsRefused += 1;
  }
  for (const [id, xs] of waits) rows.get(id)!.medianMinutesToDecide = median(xs);
  const list = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
  const sum = (k: keyof ControlsRow) => list.reduce((s, r) => s + (r[k] as number), 0);
  return {
    ...period,
    rows: list,
    totals: {
      requested: sum("requested"),
      approved: sum("approved"),
      denied: sum("denied"),
      cancelled: sum("cancelled"),
      expired: sum("expired"),
      selfDecisionsRefused: sum("selfDecisionsRefused"),
      medianMinutesToDecide: median([...waits.values()].flat()),
    },
  };
}

export const CONTROLS_CSV_COLUMNS = [
  "member_id",
  "name",
  "requested",
  "approved",
  "denied",
  "cancelled",
  "expired",
  "self_decisions_refused",
  "median_minutes_to_decide",
] as const;

/** The report as CSV, one row per person then a TOTAL row (the caller runs the formula guard). */
export function controlsCsv(report: ControlsReport): string {
  const line = (values: (string | number | null)[]) =>
    `${values.map((v) => csvCell(v === null ? "" : String(v))).join(",")}\r\n`;
  const t = report.totals;
  return (
    line([...CONTROLS_CSV_COLUMNS]) +
    report.rows
      .map((r) =>
        line([
          r.memberId,
          r.name,
          r.requested,
          r.approved,
          r.denied,
          r.cancelled,
          r.expired,
          r.selfDecisionsRefused,
          r.medianMinutesToDecide === null ? null : r.medianMinutesToDecide.toFixed(1),
        ]),
      )
      .join("") +
    line([
      "",
      "TOTAL",
      t.requested,
      t.approved,
      t.denied,
      t.cancelled,
      t.expired,
      t.selfDecisionsRefused,
      t.medianMinutesToDecide === null ? null : t.medianMinutesToDecide.toFixed(1),
    ])
  );
}
