import { z } from "zod";
import { guarded, parse } from "@/server/api/guard";

type Params = { reportId: string };

// GET /api/reports/:reportId/download: the report's file. A fresh time-limited link is asked of
// Jiko at the moment of download, and the file streamed through, never stored.
export const GET = guarded<Params>("documents:view", async ({ params, viewer }) => {
  const link = await viewer.jiko.reportDownload(parse(z.uuid(), params.reportId));
  const file = await fetch(link.url, { cache: "no-store", signal: AbortSignal.timeout(60_000) });
  if (!file.ok || !file.body) throw new Error(`report link answered ${file.status}`);
  return new Response(file.body, {
    headers: {
      "content-type": file.headers.get("content-type") ?? "application/octet-stream",
      "content-disposition": file.headers.get("content-disposition") ?? "attachment",
      "cache-control": "private, no-store",
    },
  });
});
