/**
 * A new entity, applied for through the pages: a draft saved step by step and resumed, then one
 * application per outcome of Jiko's sandbox prefix table (sandbox/company/decide.ts): documents
 * needed → uploads → re-apply → approved; manual review; rejected; approved at once. An approved
 * entity is a new team in the switcher.
 */
import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { E2E } from "./env";
import { overflowing } from "./layout";
import { completePortalLogin } from "./portal";
import { personWith } from "./sandbox";

const EUROPE = "Harborline Europe";
const PAGE = "/company/new-entity";
const RUN = Date.now().toString(36).slice(-4);
const PDF = {
  name: "proof.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n%proof\n"),
};
const PNG = {
  name: "photo.png",
  mimeType: "image/png",
  buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
};

/** An admin of Europe already in two teams: the teams this spec opens join theirs. */
const applicant = () =>
  personWith(
    (p) =>
      p.teams.length > 1 &&
      p.teams.some(
        (t) => t.team_name === EUROPE && t.role === "ADMIN" && t.member_status === "ACTIVE",
      ),
  );

const next = (page: Page) => page.getByRole("button", { name: "Save and continue" }).click();
const stepHeading = (page: Page, n: number) =>
  expect(page.getByRole("heading", { name: new RegExp(`^Step ${n} of 5`) })).toBeVisible();

async function entityStep(page: Page, name: string, ein: string) {
  await page.getByLabel("Legal name").fill(name);
  await page.getByLabel("EIN").fill(ein);
  await page.getByLabel("Phone").fill("+1 212 555 0100");
  await page.getByLabel("Email").fill("ops@entity.example");
  await next(page);
  await stepHeading(page, 2);
}

async function addressStep(page: Page) {
  await page.getByLabel("Street address").fill("5 Pier Road");
  await page.getByLabel("City").fill("New York");
  await page.getByLabel("State").fill("NY");
  await page.getByLabel("ZIP code").fill("10004");
  await next(page);
  await stepHeading(page, 3);
}

async function ownersStep(page: Page, ssn: string) {
  const owner = page.getByRole("group", { name: "Owner 1" });
  await owner.getByLabel("First name").fill("Rosa");
  await owner.getByLabel("Last name").fill("Diaz");
  await owner.getByLabel("Date of birth").fill("1980-05-17");
  await owner.getByLabel("SSN").fill(ssn);
  await owner.getByLabel("Street address").fill("1 Main Street");
  await owner.getByLabel("City").fill("Albany");
  await owner.getByLabel("State").fill("NY");
  await owner.getByLabel("ZIP code").fill("12207");
  await owner.getByLabel("Control person").check();
  await owner.getByLabel("Ownership (%)").fill("60");
  await next(page);
  await stepHeading(page, 4);
}

/** Consent to the current version, then Apply from the review; lands on the status page. */
async function consentAndApply(page: Page, name: string) {
  await expect(page.getByRole("link", { name: /\(PDF\)$/ }).first()).toBeVisible();
  await page.getByRole("checkbox", { name: /consent to them on behalf of the entity/ }).check();
  await next(page);
  await stepHeading(page, 5);
  await expect(page.locator("main")).toContainText(name);
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/\/company\/new-entity\/[0-9a-f-]{36}$/);
}

async function apply(page: Page, name: string, ein: string, ssn: string) {
  await page.goto(PAGE);
  await stepHeading(page, 1);
  await entityStep(page, name, ein);
  await addressStep(page);
  await ownersStep(page, ssn);
  await consentAndApply(page, name);
}

const status = (page: Page) => page.getByTestId("application-status");

async function expectInSwitcher(page: Page, name: string) {
  await page.getByRole("button", { name: /Switch team/ }).click();
  await expect(page.getByRole("menuitem", { name: new RegExp(name) })).toBeVisible();
  await page.keyboard.press("Escape");
}

test.describe
  .serial("a new entity", () => {
    let page: Page;

    test("a deep link survives sign-in; a draft is checked, saved, resumed after leaving; approved at once", async ({
      browser,
    }) => {
      const person = await applicant();
      page = await (await browser.newContext()).newPage();
      await page.goto(PAGE);
      await expect(page).toHaveURL(/\/sign-in\?/);
      await page.getByRole("button", { name: "Sign in with Jiko" }).click();
      await completePortalLogin(page, person.email, { teamName: EUROPE });
      await page.waitForURL(`${E2E.appUrl}${PAGE}`);
      await expect(page.getByTestId("active-team")).toHaveText(EUROPE);

      // Each step's messages sit under its fields.
      await stepHeading(page, 1);
      await next(page);
      await expect(page.getByText("Enter the company's legal name")).toBeVisible();
      await expect(page.getByLabel("EIN")).toHaveAttribute("aria-invalid", "true");
      await page.getByLabel("EIN").fill("45-67");
      await next(page);
      await expect(page.getByText("Enter the 9-digit EIN, like 12-3456789")).toBeVisible();

      const name = `Resumed Draft ${RUN} LLC`;
      await entityStep(page, name, "45-6789012");
      await addressStep(page);
      // Leave the page; coming back resumes the draft Jiko keeps, at the step it stopped.
      await page.goto("/");
      await page.goto(PAGE);
      await stepHeading(page, 3);
      await page.getByRole("button", { name: "Back" }).click();
      await page.getByRole("button", { name: "Back" }).click();
      await expect(page.getByLabel("Legal name")).toHaveValue(name);
      await next(page);
      await next(page);
      await ownersStep(page, "400-12-3456");
      await consentAndApply(page, name);

      await expect(status(page)).toHaveText("Approved");
      await expect(page.getByTestId("approved-team")).toContainText(name);
      await expectInSwitcher(page, name);
    });

    test("documents needed: each flagged document uploaded, then re-apply, approved; axe at 390 px dark", async () => {
      const name = `Documents Flow ${RUN} Inc`;
      // EIN 23…: proof of address; owner SSN 21…: identity (selfie, both sides of an ID). Third
      // digits other than 1: approved once re-applied.
      await apply(page, name, "23-4567890", "210-45-6789");
      await expect(status(page)).toHaveText("Documents needed");
      for (const t of ["SELFIE", "ID_FRONT", "ID_BACK", "ADDRESS_VERIFICATION"])
        await expect(page.getByTestId(`asked-${t}`)).toBeVisible();
      await expect(page.getByRole("button", { name: "Re-apply" })).toBeDisabled();

      await page.setViewportSize({ width: 390, height: 844 });
      await page.emulateMedia({ colorScheme: "dark" });
      // Read afresh at phone width (the toast from Apply gone).
      await page.reload();
      await expect(page.getByTestId("asked-SELFIE")).toBeVisible();
      expect(await overflowing(page)).toEqual([]);
      await expectAccessible(page);
      await page.emulateMedia({ colorScheme: "light" });
      await page.setViewportSize({ width: 1280, height: 800 });

      // The browser refuses a type Jiko does not take, before any upload.
      await page.getByLabel("Selfie").setInputFiles({
        name: "x.gif",
        mimeType: "image/gif",
        buffer: Buffer.from("GIF89a"),
      });
      await expect(page.getByTestId("asked-SELFIE")).toContainText(
        "Choose a PDF, PNG or JPEG file.",
      );

      await page.getByLabel("Selfie").setInputFiles(PNG);
      await expect(page.getByTestId("asked-SELFIE")).toHaveCount(0);
      await page.getByLabel("Government ID (front)").setInputFiles(PNG);
      await expect(page.getByTestId("asked-ID_FRONT")).toHaveCount(0);
      await page.getByLabel("Government ID (back)").setInputFiles(PNG);
      await expect(page.getByTestId("asked-ID_BACK")).toHaveCount(0);
      await page.getByLabel("Proof of address").setInputFiles(PDF);
      await expect(status(page)).toHaveText("Ready to re-apply");
      await expect(
        page.getByRole("list", { name: "Uploaded documents" }).getByRole("listitem"),
      ).toHaveCount(4);

      await page.getByRole("button", { name: "Re-apply" }).click();
      await expect(status(page)).toHaveText("Approved");
      await expectInSwitcher(page, name);
    });

    test("manual review: said plainly, nothing asked", async () => {
      await apply(page, `Manual Review ${RUN} Corp`, "30-1234567", "400-12-3456");
      await expect(status(page)).toHaveText("In manual review");
      await expect(page.getByText(/A person at Jiko is reviewing the application/)).toBeVisible();
      await expect(page.getByRole("button", { name: "Re-apply" })).toHaveCount(0);
    });

    test("rejected: an owner's number Jiko refuses rejects the whole application", async () => {
      const name = `Rejected Entity ${RUN} LLC`;
      await apply(page, name, "45-6789012", "500-12-3456");
      await expect(status(page)).toHaveText("Rejected");
      // Every outcome stays listed on the new-entity page, the draft form blank again.
      await page.goto(PAGE);
      const mine = page.getByRole("region", { name: "Your applications" });
      await expect(mine.getByRole("listitem").filter({ hasText: name })).toContainText("Rejected");
      await expect(mine.getByRole("listitem").filter({ hasText: "Manual Review" })).toContainText(
        "In manual review",
      );
      await expect(page.getByLabel("Legal name")).toHaveValue("");
    });
  });
