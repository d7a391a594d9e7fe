/**
 * Signed document links (`/_sandbox/documents/<token>`): where a trade confirmation's 307, a
 * statement's pdf_download_url and a report download's url point. No bearer token, like a storage link: the signature and the 10-minute expiry are the guard.
 */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import type { StatementType } from "../../lib/jiko/statements";
import type { SandboxDb } from "../db/open";
import { reportRequests } from "../db/schema";
import { verifyDocument } from "../documents/signed-url";
import { tradeConfirmationPdf } from "../documents/trade-confirmation";
import type { SandboxClock } from "../ledger/clock";
import { statementId, statementPdf } from "../ledger/statements";
import { renderReport } from "../reports/render";
import { confirmationFacts } from "./trades";

const pdf = (bytes: Uint8Array, filename: string) =>
  new Response(bytes as BodyInit, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });

export function documentRoutes(o: { db: SandboxDb; clock: SandboxClock }) {
  const app = new Hono();
  app.get("/_sandbox/documents/:token", async (c) => {
    const verified = verifyDocument(c.req.param("token"), Date.now());
    if (!verified.ok) {
      // Storage links answer 403 once expired or tampered with.
      return c.json({ detail: verified.reason === "expired" ? "Link expired" : "Forbidden" }, 403);
    }
    const { ref } = verified;
    if (ref.kind === "trade-confirmation") {
      const facts = await confirmationFacts(o.db, ref.id, await o.clock.today());
      if (!facts) return c.json({ detail: "Not Found" }, 404);
      const bytes = await tradeConfirmationPdf({
        trade: facts.trade,
        pocketName: facts.pocket.pocketName,
        customerName: facts.customerName,
      });
      return pdf(bytes, `trade-confirmation-${ref.id}.pdf`);
    }
    if (ref.kind === "statement") {
      const [pocketId, type, key] = ref.id.split("|") as [string, StatementType, string];
      const bytes = await statementPdf(o.db, {
        id: statementId(pocketId, type, key),
        pocketId,
        type,
        key,
        timeCreated: "",
        seq: 0,
      });
      return pdf(bytes, `statement-${type}-${key}.pdf`);
    }
    if (ref.kind === "report") {
      const [row] = await o.db.select().from(reportRequests).where(eq(reportRequests.id, ref.id));
      if (!row) return c.json({ detail: "Not Found" }, 404);
      const file = await renderReport(o.db, row, await o.clock.now());
      return new Response(file.body as BodyInit, {
        headers: {
          "content-type": file.contentType,
          "content-disposition": `attachment; filename="${file.fileName}"`,
          "cache-control": "private, no-store",
        },
      });
    }
    return c.json({ detail: "Not Found" }, 404);
  });
  return app;
}
