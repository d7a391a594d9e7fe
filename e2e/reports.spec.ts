import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { E2E } from "./env";
import { signIn } from "./portal";
import { personWith } from "./sandbox";

const XSD = new URL("../../shared/iso20022/camt.053.001.08.xsd", import.meta.url).pathname;

test("reports: a camt.053 goes from requested to ready to downloaded; bad ranges are refused", async ({
  page,
}) => {
  const admin = await personWith((p) =>
    p.teams.some((t) => t.role === "ADMIN" && t.team_name === "Harborline Treasury"),
  );
  await signIn(page, admin.email);
  await page.getByRole("link", { name: "Reports" }).click();
  const form = page.getByRole("form", { name: "Request a report" });

  // A trade report longer than 31 days is refused before it is sent.
  await form.getByLabel("Report").selectOption({ label: "Trade report" });
  await form.getByLabel("From").fill("2026-01-01");
  await form.getByLabel("To").fill("2026-03-01");
  await form.getByRole("button", { name: "Request report" }).click();
  await expect(form.getByText("At most 31 days in one report")).toBeVisible();
  await expect(form.getByLabel("Format")).toContainText("Kyriba CSV");

  // The brokerage statement: camt.053 only, for a pocket and a day.
  await form.getByLabel("Report").selectOption({ label: "Brokerage statement (camt.053)" });
  await expect(form.getByLabel("Format")).toBeDisabled();
  await form.getByRole("button", { name: "Request report" }).click();
  await expect(form.getByText("Choose at least one pocket")).toBeVisible();
  await form.getByRole("checkbox", { name: "Operating Reserve (4-week)" }).check();
  await form.getByRole("button", { name: "Request report" }).click();

  const row = page.getByTestId("report-row").first();
  await expect(row).toContainText("Brokerage statement (camt.053)");
  await expect(row).toHaveAttribute("data-status", /REQUESTED|PROCESSING/);
  await expect(row).toHaveAttribute("data-status", "COMPLETED", { timeout: 30_000 });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("link", { name: /Download/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^[\w.-]+\.xml$/);
  const file = (await download.path())!;
  expect(await readFile(file, "utf8")).toContain("<BkToCstmrStmt>");
  execFileSync("xmllint", ["--noout", "--schema", XSD, file], { stdio: "pipe" });
  // Served as the server types it (from the report's format), saved, never sniffed.
  const href = await row.getByRole("link", { name: /Download/ }).getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="[\w.-]+\.xml"$/);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  await expectAccessible(page);
});

test("reports: a statement for a future day is refused under Day, by the form and the route", async ({
  page,
}) => {
  const admin = await personWith((p) =>
    p.teams.some((t) => t.role === "ADMIN" && t.team_name === "Harborline Treasury"),
  );
  await signIn(page, admin.email);
  await page.goto("/reports");
  const form = page.getByRole("form", { name: "Request a report" });
  await form.getByLabel("Report").selectOption({ label: "Bank statement (camt.053)" });
  await form.getByRole("checkbox", { name: "Operating Reserve (4-week)" }).check();
  await form.getByLabel("Day").fill("2099-01-01");
  await form.getByRole("button", { name: "Request report" }).click();
  await expect(form.locator("#rp-day-error")).toHaveText(
    /^Day must be between 2000-01-01 and today \(\d{4}-\d\d-\d\d, New York\)$/,
  );
  await expect(form.getByText("Some of the information is not valid")).toHaveCount(0);

  const pocketId = (await form
    .getByRole("checkbox", { name: "Operating Reserve (4-week)" })
    .getAttribute("value"))!;
  const team = (await page.locator("[data-team-id]").first().getAttribute("data-team-id"))!;
  const res = await page.request.post("/api/reports", {
    headers: { origin: E2E.appUrl, "x-td-team": team },
    data: {
      report_type: "BANK_STATEMENT_REPORT",
      output_format: "CAMT053",
      pocket_ids: [pocketId],
      reporting_date: "2099-01-01",
    },
  });
  expect(res.status()).toBe(422);
  const body = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
  expect(body.error.issues.map((i) => i.path)).toEqual(["reporting_date"]);
  expect(body.error.issues[0]!.message).toMatch(/^Day must be between 2000-01-01 and today/);
});
