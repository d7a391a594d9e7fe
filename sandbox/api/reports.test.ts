import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorBody } from "../../lib/jiko/common";
import {
  type CreateReportRequestInput,
  ReportDownload,
  ReportRequest,
  ReportRequestList,
} from "../../lib/jiko/reports";
import { SEED_POCKETS } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import { parseCsv } from "../testing/csv";
import { passwordTokens, registerTestClient } from "../testing/oauth-client";
import { COMPLETED_AFTER_MS } from "./reports";

const XSD = fileURLToPath(new URL("../../../shared/iso20022/camt.053.001.08.xsd", import.meta.url));

/** Monday 2026-11-30, noon in New York, and then the clock runs (reports age on it). */
const START = new Date("2026-11-30T17:00:00Z").getTime();
const t0 = Date.now();
let sb: Sandbox;
let admin: string;
let readOnly: string;
beforeAll(async () => {
  sb = await startSandbox({
    apiPort: 0,
    portalPort: 0,
    now: () => new Date(START + (Date.now() - t0)),
  });
  const client = await registerTestClient(sb.portalUrl);
  const token = async (email: string) =>
    (await passwordTokens({ portalUrl: sb.portalUrl, client, email })).access_token;
  admin = await token("avery.chen@harborline.example");
  readOnly = await token("morgan.lee@harborline.example");
}, 60_000);
afterAll(() => sb?.close());

const call = (token: string, method: string, p: string, body?: unknown) =>
  fetch(`${sb.apiUrl}${p}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function request(body: CreateReportRequestInput) {
  const res = await call(admin, "POST", "/api/v1/report-requests/", body);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return ReportRequest.parse(await res.json());
}

/** Polls until COMPLETED, then downloads through the time-limited link. */
async function download(id: string) {
  let r = ReportRequest.parse(
    await (await call(admin, "GET", `/api/v1/report-requests/${id}/`)).json(),
  );
  const deadline = Date.now() + COMPLETED_AFTER_MS + 5_000;
  while (r.status !== "COMPLETED" && Date.now() < deadline) {
    await new Promise((ok) => setTimeout(ok, 500));
    r = ReportRequest.parse(
      await (await call(admin, "GET", `/api/v1/report-requests/${id}/`)).json(),
    );
  }
  expect(r.status).toBe("COMPLETED");
  const link = ReportDownload.parse(
    await (await call(admin, "POST", `/api/v1/reports/${r.report!.id}/download/`)).json(),
  );
  const file = await fetch(link.url);
  expect(file.status).toBe(200);
  return file;
}

function validateCamt(xml: string) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "camt-")), "report.xml");
  writeFileSync(file, xml);
  // Throws (with xmllint's message) if the document does not validate.
  execFileSync("xmllint", ["--noout", "--schema", XSD, file], { stdio: "pipe" });
}

const amountOf = (xml: string, code: string) =>
  new RegExp(
    `<Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="USD">([\\d.]+)</Amt><CdtDbtInd>(\\w+)`,
  ).exec(xml);

describe("report requests", () => {
  it("moves from REQUESTED through PROCESSING to COMPLETED on the clock, listed newest first", async () => {
    const r = await request({
      report_type: "POSITION_SUMMARY_REPORT",
      output_format: "CSV",
      as_of_date: "2026-10-30",
    });
    expect(r.status).toBe("REQUESTED");
    expect(r.report).toBeNull();
    const early = await call(
      admin,
      "POST",
      `/api/v1/reports/00000000-0000-4000-8000-000000000000/download/`,
    );
    expect(early.status).toBe(404);
    const file = await download(r.id);
    const [header, ...rows] = parseCsv(await file.text());
    expect(header).toEqual([
      "Pocket",
      "CUSIP",
      "Quantity",
      "Market Price",
      "Market Value",
      "Historical Cost Value",
    ]);
    expect(rows.length).toBeGreaterThan(4);
    const list = ReportRequestList.parse(
      await (await call(admin, "GET", "/api/v1/report-requests/")).json(),
    );
    expect(list.items[0]?.id).toBe(r.id);
  });

  it("the brokerage camt.053 validates against the XSD and carries the ledger's EOD values", async () => {
    const r = await request({
      report_type: "BROKERAGE_STATEMENT_REPORT",
      output_format: "CAMT053",
      pocket_ids: [SEED_POCKETS.operating, SEED_POCKETS.tax],
      reporting_date: "2026-11-02",
    });
    const xml = await (await download(r.id)).text();
    validateCamt(xml);
    const eod = async (date: string) =>
      (
        (await (
          await fetch(
            `${sb.apiUrl}/_sandbox/pockets/${SEED_POCKETS.operating}/eod?from=${date}&to=${date}`,
          )
        ).json()) as { items: { securities: number }[] }
      ).items[0]!.securities;
    const first = xml.slice(0, xml.indexOf("</Stmt>"));
    expect(amountOf(first, "OPBD")?.[1]).toBe(((await eod("2026-11-01")) / 100).toFixed(2));
    expect(amountOf(first, "CLBD")?.[1]).toBe(((await eod("2026-11-02")) / 100).toFixed(2));
    expect(xml.match(/<Stmt>/g)).toHaveLength(2);
  });

  it("the bank camt.053 validates too", async () => {
    const r = await request({
      report_type: "BANK_STATEMENT_REPORT",
      output_format: "CAMT053",
      pocket_ids: [SEED_POCKETS.operating],
      reporting_date: "2026-11-02",
    });
    const xml = await (await download(r.id)).text();
    validateCamt(xml);
    expect(xml).toContain("<Cd>SWEEP</Cd>");
  });

  it("trade, price and position reports in their formats", async () => {
    const trades = await request({
      report_type: "TRADE_REPORT",
      output_format: "KYRIBA_CSV",
      date_from: "2026-10-01",
      date_to: "2026-10-31",
      date_type: "SETTLEMENT_DATE",
    });
    const prices = await request({
      report_type: "SECURITY_PRICE_REPORT",
      output_format: "KYRIBA_CSV",
      date_from: "2026-10-26",
      date_to: "2026-10-30",
    });
    const pdf = await request({
      report_type: "POSITION_SUMMARY_REPORT",
      output_format: "PDF",
      pocket_ids: [SEED_POCKETS.strategic],
      as_of_date: "2026-10-30",
    });
    const tr = parseCsv(await (await download(trades.id)).text());
    expect(tr.length).toBeGreaterThan(5);
    expect(tr.every((r) => r[0] === "TR" && ["B", "S"].includes(r[2]!))).toBe(true);
    const se = parseCsv(await (await download(prices.id)).text());
    expect(se.every((r) => r[0] === "SE" && r[1] === "JIKO" && /^\d+\.\d{6}$/.test(r[4]!))).toBe(
      true,
    );
    const doc = await PDFDocument.load(
      new Uint8Array(await (await download(pdf.id)).arrayBuffer()),
    );
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
  });

  it("refuses a format the type does not have, a range over 31 days, and a read-only member", async () => {
    const wrong = await call(admin, "POST", "/api/v1/report-requests/", {
      report_type: "TRADE_REPORT",
      output_format: "PDF",
      date_from: "2026-10-01",
      date_to: "2026-10-31",
    });
    expect(wrong.status).toBe(422);
    const detail = ErrorBody.parse(await wrong.json()).detail;
    expect(Array.isArray(detail) && detail[0]?.loc).toEqual(["body", "output_format"]);
    const long = await call(admin, "POST", "/api/v1/report-requests/", {
      report_type: "TRADE_REPORT",
      output_format: "CSV",
      date_from: "2026-09-01",
      date_to: "2026-10-31",
    });
    expect(long.status).toBe(422);
    const denied = await call(readOnly, "POST", "/api/v1/report-requests/", {
      report_type: "SECURITY_PRICE_REPORT",
      output_format: "KYRIBA_CSV",
      date_from: "2026-10-26",
      date_to: "2026-10-30",
    });
    expect(denied.status).toBe(403);
  });
});
