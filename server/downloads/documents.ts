import "server-only";
import type { OutputFormat } from "@/lib/jiko/reports";
import type { StatementType } from "@/lib/jiko/statements";
import { ApiError } from "../api/guard";
import type { JikoClient } from "../jiko";
import { log } from "../log";
import { attachment, expectKind, type FileKind, guardedCsv } from "./files";
import { fetchJikoLink } from "./jiko-link";

/** Where the links may point (tests name the sandbox's); Jiko's configured hosts by default. */
type LinkOptions = { origins?: readonly string[] };

/** What each report format is served as: the server's own choice, never the link's header. */
const REPORT_FILES: Record<OutputFormat, { kind: FileKind; ext: string }> = {
  CSV: { kind: "csv", ext: "csv" },
  KYRIBA_CSV: { kind: "csv", ext: "csv" },
  PDF: { kind: "pdf", ext: "pdf" },
  CAMT053: { kind: "xml", ext: "xml" },
};

/** A PDF or XML file, refused when its first bytes say it is something else. */
async function checked(res: Response, kind: Exclude<FileKind, "csv">, what: string) {
  const body = await expectKind(res.body!, kind);
  if (!body) {
    log.warn({ what, kind }, "a Jiko link answered with another kind of file");
    throw new ApiError("unavailable", `Jiko sent the ${what} in an unexpected form. Try again.`);
  }
  return body;
}

/** The stem of the name Jiko gave the file, if any (made safe later; the extension is ours). */
function upstreamStem(res: Response): string | undefined {
  const m = /filename="?([^";]+)"?/i.exec(res.headers.get("content-disposition") ?? "");
  return m?.[1]?.replace(/\.[A-Za-z0-9]{1,8}$/, "");
}

/**
 * A finished report: a fresh time-limited link from Jiko, the file fetched from Jiko's hosts only
 * and streamed on (never stored), typed by its format; CSVs through the formula guard.
 */
export async function reportDownload(
  jiko: JikoClient,
  reportId: string,
  format: OutputFormat,
  o: LinkOptions = {},
): Promise<Response> {
  const link = await jiko.reportDownload(reportId);
  const res = await fetchJikoLink(link.url, { what: "report", timeoutMs: 60_000, ...o });
  const file = REPORT_FILES[format];
  const fileName = `${upstreamStem(res) ?? `report-${reportId.slice(0, 8)}`}.${file.ext}`;
  const body =
    file.kind === "csv" ? guardedCsv(res.body!) : await checked(res, file.kind, "report");
  return attachment(body, { kind: file.kind, fileName });
}

/** One statement's PDF. Jiko's links last minutes, so a fresh one is asked for now. */
export async function statementDownload(
  jiko: JikoClient,
  q: { pocket: string; type: StatementType; key: string },
  o: LinkOptions = {},
): Promise<Response> {
  const found = await jiko.statements({ "account[]": [q.pocket], "type[]": [q.type], key: q.key });
  const statement = found.items.find((s) => s.key === q.key && s.type === q.type);
  if (!statement) throw new ApiError("not-found", "That statement is not available.");
  const res = await fetchJikoLink(statement.pdf_download_url, {
    what: "statement",
    timeoutMs: 30_000,
    ...o,
  });
  return attachment(await checked(res, "pdf", "statement"), {
    kind: "pdf",
    fileName: `${q.type}-${q.key}-${q.pocket.slice(0, 8)}.pdf`,
  });
}

/** A trade's confirmation PDF, from the short-lived link Jiko redirects to at this moment. */
export async function confirmationDownload(
  jiko: JikoClient,
  q: { pocket: string; trade: string },
  o: LinkOptions = {},
): Promise<Response> {
  const link = await jiko.tradeConfirmationUrl(q.pocket, q.trade);
  const res = await fetchJikoLink(link, { what: "confirmation", timeoutMs: 30_000, ...o });
  return attachment(await checked(res, "pdf", "confirmation"), {
    kind: "pdf",
    fileName: `trade-confirmation-${q.trade}.pdf`,
  });
}
