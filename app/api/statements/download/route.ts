import { z } from "zod";
import { StatementKey, StatementType } from "@/lib/jiko/statements";
import { ApiError, guarded, parse } from "@/server/api/guard";

const Query = z.object({ pocket: z.uuid(), type: StatementType, key: StatementKey });

// GET /api/statements/download?pocket&type&key: one statement's PDF. Jiko's links last minutes,
// so a fresh one is asked for at the moment of download and the file streamed through, unstored.
export const GET = guarded("documents:view", async ({ req, viewer }) => {
  const q = parse(Query, Object.fromEntries(new URL(req.url).searchParams));
  const found = await viewer.jiko.statements({
    "account[]": [q.pocket],
    "type[]": [q.type],
    key: q.key,
  });
  const statement = found.items.find((s) => s.key === q.key && s.type === q.type);
  if (!statement) throw new ApiError("not-found", "That statement is not available.");
  const pdf = await fetch(statement.pdf_download_url, {
    cache: "no-store",
    signal: AbortSignal.timeout(30_000),
  });
  if (!pdf.ok || !pdf.body) throw new Error(`statement link answered ${pdf.status}`);
  return new Response(pdf.body, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${q.type}-${q.key}-${q.pocket.slice(0, 8)}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
});
