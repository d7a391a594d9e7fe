import "server-only";
import { endOfDay, startOfDay } from "@/lib/dates";
import { CONTROL_ACTIONS, type ControlsReport, controlsReport } from "@/lib/transfers/controls";
import { accessActions } from "../access-log/store";
import type { Viewer } from "../viewer";
import { allTransferRequests, walk } from "./lists";

/**
 * The controls report for New York days `from`..`to`: the transfer entries of Jiko's audit log in
 * the period (up to 50 pages of 100), the requests they name, and the attempts on one's own
 * request Treasury Desk refused itself.
 */
export async function buildControlsReport(
  viewer: Viewer,
  period: { from: string; to: string },
): Promise<ControlsReport> {
  const jiko = viewer.jiko;
  const [entries, requests, refused] = await Promise.all([
    walk(
      (cursor) =>
        jiko.auditLogs({
          "action[]": [...CONTROL_ACTIONS],
          timestamp_from: startOfDay(period.from),
          timestamp_to: endOfDay(period.to),
          cursor,
          limit: 100,
        }),
      50,
    ),
    allTransferRequests(jiko),
    accessActions(viewer.team.id, "transfer_request.self_decision_refused", {
      from: new Date(startOfDay(period.from)),
      to: new Date(endOfDay(period.to)),
    }),
  ]);
  return controlsReport(
    period,
    entries,
    requests,
    refused.map((r) => ({ memberId: r.memberId, name: r.name, requestId: r.subjectId })),
  );
}
