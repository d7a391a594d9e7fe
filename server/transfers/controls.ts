import "server-only";
import { endOfDay, startOfDay } from "@/lib/dates";
import type { CustomerAuditLogEntry } from "@/lib/jiko/audit";
import { CONTROL_ACTIONS, type ControlsReport, controlsReport } from "@/lib/transfers/controls";
import type { JikoClient } from "../jiko";
import { allTransferRequests } from "./lists";

/**
 * The controls report for New York days `from`..`to`: the transfer entries of Jiko's audit log in
 * the period (up to 50 pages of 100) and the requests they name.
 */
export async function buildControlsReport(
  jiko: JikoClient,
  period: { from: string; to: string },
): Promise<ControlsReport> {
  const entries: CustomerAuditLogEntry[] = [];
  const walk = async () => {
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const list = await jiko.auditLogs({
        "action[]": [...CONTROL_ACTIONS],
        timestamp_from: startOfDay(period.from),
        timestamp_to: endOfDay(period.to),
        cursor,
        limit: 100,
      });
      entries.push(...list.items);
      if (!list.next_page) return;
      cursor = list.next_page;
    }
  };
  const [, requests] = await Promise.all([walk(), allTransferRequests(jiko)]);
  return controlsReport(period, entries, requests);
}
