import { z } from "zod";
import { neutralizeCsvRecord } from "@/lib/csv";
import { nyDate } from "@/lib/dates";
import { boundedDay } from "@/lib/filter-schemas";
import { controlsCsv } from "@/lib/transfers/controls";
import { recordAccess } from "@/server/access-log/store";
import { guarded, parse } from "@/server/api/guard";
import { attachment } from "@/server/downloads/files";
import { buildControlsReport } from "@/server/transfers/controls";

const Query = z
  .object({
    from: boundedDay("From").optional(),
    to: boundedDay("To").optional(),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ["to"],
    message: "The end is before the start",
  });

// GET /api/transfer-requests/controls?from&to&format: how dual authorization worked in the period
// (month to date by default), person by person; as CSV for auditors.
export const GET = guarded("audit:view", async ({ req, viewer }) => {
  const q = parse(Query, Object.fromEntries(new URL(req.url).searchParams));
  const today = nyDate(new Date().toISOString());
  const period = { from: q.from ?? `${today.slice(0, 8)}01`, to: q.to ?? today };
  const report = await buildControlsReport(viewer, period);
  if (q.format === "json") return Response.json(report);
  await recordAccess(viewer, "controls_report.exported");
  const text = controlsCsv(report)
    .split(/(?<=\r\n)/)
    .map(neutralizeCsvRecord)
    .join("");
  return attachment(new Blob([text]).stream(), {
    kind: "csv",
    fileName: `transfer-controls-${period.from}-to-${period.to}.csv`,
  });
});
