/** Emissions due later on the sandbox clock, sent by the worker's sweep (sweep.ts). */
import type { DbOrTx } from "../db/open";
import { scheduledEvents } from "../db/schema";
import { isEmitting } from "./store";

/** `reports.ready` when the report completes, and a notification to whoever asked for it. */
export async function scheduleReportReady(
  db: DbOrTx,
  o: {
    customerId: string;
    reportId: string;
    memberId: string | null;
    reportType: string;
    dueAt: Date;
  },
) {
  if (!isEmitting()) return;
  const kind = o.reportType.toLowerCase().replaceAll("_", " ");
  await db.insert(scheduledEvents).values({
    customerId: o.customerId,
    type: "reports.ready",
    payload: { report_id: o.reportId },
    dueAt: o.dueAt,
    notification: o.memberId
      ? {
          memberId: o.memberId,
          type: "REPORT_READY",
          title: "Your report is ready",
          description: `The ${kind} report you requested is ready to download.`,
          metadata: { report_id: o.reportId },
        }
      : null,
  });
}
