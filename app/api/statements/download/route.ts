import { z } from "zod";
import { StatementKey, StatementType } from "@/lib/jiko/statements";
import { recordAccess } from "@/server/access-log/store";
import { guarded, parse } from "@/server/api/guard";
import { statementDownload } from "@/server/downloads/documents";

const Query = z.object({ pocket: z.uuid(), type: StatementType, key: StatementKey });

// GET /api/statements/download?pocket&type&key: one statement's PDF. Jiko's links last minutes,
// so a fresh one is asked for at the moment of download and the file streamed through, unstored.
export const GET = guarded("documents:view", async ({ req, viewer }) => {
  const query = parse(Query, Object.fromEntries(new URL(req.url).searchParams));
  await recordAccess(viewer, "statement.downloaded", { kind: "statement", id: query.key });
  return statementDownload(viewer.jiko, query);
});
