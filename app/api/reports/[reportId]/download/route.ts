import { z } from "zod";
import { OutputFormat } from "@/lib/jiko/reports";
import { recordAccess } from "@/server/access-log/store";
import { guarded, parse } from "@/server/api/guard";
import { reportDownload } from "@/server/downloads/documents";

type Params = { reportId: string };

// GET /api/reports/:reportId/download?format: the report's file. A fresh time-limited link is
// asked of Jiko at the moment of download, and the file streamed through, never stored; the
// format (the report's, as listed) picks its type and extension, and its first bytes must agree.
export const GET = guarded<Params>("documents:view", async ({ req, params, viewer }) => {
  const reportId = parse(z.uuid(), params.reportId);
  const { format } = parse(
    z.object({ format: OutputFormat }),
    Object.fromEntries(new URL(req.url).searchParams),
  );
  await recordAccess(viewer, "report.downloaded", { kind: "report", id: reportId });
  return reportDownload(viewer.jiko, reportId, format);
});
