import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportRequest } from "@/lib/jiko/reports";
import { SEED, SEED_POCKETS } from "@/sandbox/seed";
import type { JikoClient } from "../jiko/client";
import { confirmationDownload, reportDownload, statementDownload } from "./documents";
import { statementsForBrowser } from "./statements";
import { type DownloadSandbox, downloadSandbox } from "./test-kit";

let kit: DownloadSandbox;
/** The dashboard configured for this sandbox: its two origins are Jiko's hosts. */
let atSandbox: { origins: string[] };
let jiko: JikoClient;
let today: string;
const reports: Record<"camt" | "pdf" | "csv", ReportRequest> = {} as never;

beforeAll(async () => {
  kit = await downloadSandbox();
  atSandbox = { origins: kit.origins };
  jiko = await kit.jikoAs(SEED.people.morgan.email);
  const admin = await kit.jikoAs(SEED.people.avery.email);
  today = await kit.sb.clock.today();
  const pocket_ids = [SEED_POCKETS.operating];
  reports.camt = await admin.createReportRequest({
    report_type: "BROKERAGE_STATEMENT_REPORT",
    output_format: "CAMT053",
    pocket_ids,
    reporting_date: today,
  });
  reports.pdf = await admin.createReportRequest({
    report_type: "POSITION_SUMMARY_REPORT",
    output_format: "PDF",
    pocket_ids,
    as_of_date: today,
  });
  reports.csv = await admin.createReportRequest({
    report_type: "POSITION_SUMMARY_REPORT",
    output_format: "CSV",
    pocket_ids,
    as_of_date: today,
  });
  kit.advance(10_000);
}, 120_000);
afterAll(() => kit?.sb.close());

const reportId = async (r: ReportRequest) =>
  (await jiko.reportRequests({ limit: 10 })).items.find((x) => x.id === r.id)!.report!.id;

const lastYear = () => String(Number(today.slice(0, 4)) - 1);
const statementQuery = () => ({
  "account[]": [SEED_POCKETS.operating],
  "type[]": ["BANK" as const],
  key: `${lastYear()}-12`,
});

async function aTrade() {
  const trades = await jiko.trades({ "pocket_id[]": [SEED_POCKETS.operating], limit: 20 });
  return trades.items.find((t) => t.activity !== "MATURITY")!;
}

function expectFile(res: Response, type: string, name: RegExp) {
  expect(res.headers.get("content-type")).toBe(type);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("cache-control")).toBe("private, no-store, no-transform");
  expect(res.headers.get("content-disposition")).toMatch(
    new RegExp(`^attachment; filename="${name.source}"$`),
  );
}

describe("the statements list the browser gets", () => {
  it("carries no signed links, which Jiko's own list does", async () => {
    const raw = await jiko.statements(statementQuery());
    expect(raw.items[0]?.pdf_download_url).toContain("/_sandbox/documents/");
    const listed = await statementsForBrowser(jiko, statementQuery());
    expect(listed.items.map((s) => s.id)).toEqual(raw.items.map((s) => s.id));
    const json = JSON.stringify(listed);
    expect(json).not.toContain("pdf_download_url");
    expect(json).not.toContain("/_sandbox/documents/");
  });
});

describe("downloads are attachments typed by the server", () => {
  it("a camt.053 report is XML", async () => {
    const res = await reportDownload(jiko, await reportId(reports.camt), "CAMT053", atSandbox);
    expectFile(res, "application/xml; charset=utf-8", /brokerage_statement_report-\w{8}\.xml/);
    expect(await res.text()).toContain("<BkToCstmrStmt>");
  });

  it("a PDF report is a PDF", async () => {
    const res = await reportDownload(jiko, await reportId(reports.pdf), "PDF", atSandbox);
    expectFile(res, "application/pdf", /position_summary_report-\w{8}\.pdf/);
    expect((await res.text()).startsWith("%PDF-")).toBe(true);
  });

  it("a report claimed in another format than its file is refused", async () => {
    const id = await reportId(reports.csv);
    await expect(reportDownload(jiko, id, "PDF", atSandbox)).rejects.toMatchObject({
      code: "unavailable",
    });
    await expect(reportDownload(jiko, id, "CAMT053", atSandbox)).rejects.toMatchObject({
      code: "unavailable",
    });
  });

  it("a statement is a PDF attachment", async () => {
    const res = await statementDownload(
      jiko,
      { pocket: SEED_POCKETS.operating, type: "BANK", key: `${lastYear()}-12` },
      atSandbox,
    );
    expectFile(res, "application/pdf", new RegExp(`BANK-${lastYear()}-12-\\w{8}\\.pdf`));
    expect((await res.text()).startsWith("%PDF-")).toBe(true);
  });

  it("a trade confirmation is a PDF attachment", async () => {
    const trade = await aTrade();
    const res = await confirmationDownload(
      jiko,
      { pocket: SEED_POCKETS.operating, trade: trade.id },
      atSandbox,
    );
    expectFile(res, "application/pdf", new RegExp(`trade-confirmation-${trade.id}\\.pdf`));
    expect((await res.text()).startsWith("%PDF-")).toBe(true);
  });
});

describe("links outside Jiko's configured hosts", () => {
  const elsewhere = { origins: ["https://jiko.example"] };

  it("are refused for reports, statements and confirmations alike", async () => {
    const report = await reportId(reports.pdf);
    const trade = (await aTrade()).id;
    const refused = await Promise.allSettled([
      reportDownload(jiko, report, "PDF", elsewhere),
      statementDownload(
        jiko,
        { pocket: SEED_POCKETS.operating, type: "BANK", key: `${lastYear()}-12` },
        elsewhere,
      ),
      confirmationDownload(jiko, { pocket: SEED_POCKETS.operating, trade }, elsewhere),
    ]);
    for (const r of refused) {
      expect(r.status).toBe("rejected");
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "unavailable" });
    }
  });
});
