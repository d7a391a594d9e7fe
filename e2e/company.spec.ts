/**
 * The company page: the profile (an edit Jiko accepts and audits, one it refuses under the field),
 * the agreements acknowledged, documents uploaded with progress (a wrong type refused), a
 * read-only member kept to reading in the page and at the server, and the page accessible.
 */
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { E2E } from "./env";
import { completePortalLogin } from "./portal";
import { personWith } from "./sandbox";
import { readRoute, signedInAs, TEAM } from "./transfers-kit";

const PDF_HEAD = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <<>> endobj\n";
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

/** A PDF of about `kb` KiB: large enough for the browser to report the upload's progress. */
const pdfOf = (kb: number) =>
  Buffer.concat([
    Buffer.from(PDF_HEAD),
    Buffer.alloc(kb * 1024, "% padding\n"),
    Buffer.from("trailer <<>>\n%%EOF\n"),
  ]);

const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

test.describe
  .serial("the company page of an admin", () => {
    let admin: Page;

    test.beforeAll(async ({ browser }: { browser: Browser }) => {
      admin = await signedInAs(browser, "ADMIN");
    });

    test("the profile's contact details change, and the audit log says so", async () => {
      await admin.goto("/");
      await admin
        .getByRole("navigation", { name: "Sections" })
        .getByRole("link", { name: "Company" })
        .click();
      await expect(admin).toHaveURL(/\/company$/);
      const profile = region(admin, "Profile");
      const customer = await readRoute<{ name: string; phone_number: string }>(
        admin,
        "/api/company/profile",
      );
      await expect(profile).toContainText(customer.name);
      await expect(profile).toContainText("EIN");

      await profile.getByRole("button", { name: "Edit contact details" }).click();
      const dialog = admin.getByRole("dialog", { name: "Edit contact details" });
      const phone = customer.phone_number.endsWith("9") ? "+1 415 555 0188" : "+1 415 555 0199";
      await dialog.getByLabel("Phone").fill("12");
      await dialog.getByRole("button", { name: "Save changes" }).click();
      await expect(dialog.getByText("Enter 7 to 15 digits")).toBeVisible();
      await dialog.getByLabel("Phone").fill(phone);
      await dialog.getByRole("button", { name: "Save changes" }).click();
      await expect(dialog).toHaveCount(0);
      await expect(admin.getByTestId("company-phone")).toHaveText(phone.replace(/\s/g, ""));

      await admin.goto("/audit");
      // The newest entry is this change, by the admin who made it.
      await expect(admin.getByRole("listitem").first()).toContainText(
        "Changed the company's details",
      );
    });

    test("an email Jiko refuses shows Jiko's reason under the field", async () => {
      await admin.goto("/company");
      const before = await admin.getByTestId("company-email").textContent();
      await region(admin, "Profile").getByRole("button", { name: "Edit contact details" }).click();
      const dialog = admin.getByRole("dialog", { name: "Edit contact details" });
      // The browser only asks for something@something; Jiko wants a real domain.
      await dialog.getByLabel("Email").fill("finance@harborline");
      await dialog.getByRole("button", { name: "Save changes" }).click();
      const reason = dialog.locator("#company-email-error");
      await expect(reason).toBeVisible();
      await expect(reason).not.toHaveText(/Enter an email address/);
      await expect(dialog.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(admin.getByTestId("company-email")).toHaveText(before ?? "");
    });

    test("the current agreements are acknowledged once, and say by whom", async () => {
      await admin.goto("/company");
      const card = region(admin, "Agreements");
      const { version } = await readRoute<{ version: string }>(admin, "/api/company/agreements");
      await expect(card).toContainText(`Version ${version}`);
      const pdf = card.getByRole("link", { name: /Terms of Use/ });
      const res = await admin.request.get((await pdf.getAttribute("href"))!);
      expect(res.headers()["content-type"]).toBe("application/pdf");
      expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");

      await card.getByRole("button", { name: `Acknowledge version ${version}` }).click();
      await expect(card.getByTestId("agreement-consent")).toContainText(`Version ${version} by`);
      await expect(card.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
      await admin.reload();
      await expect(region(admin, "Agreements").getByTestId("agreement-consent")).toBeVisible();
    });

    test("a PDF uploads with its progress shown and appears in the list", async () => {
      await admin.goto("/company");
      const card = region(admin, "Documents");
      const rows = card.getByRole("row", { name: /EIN confirmation/ });
      const before = await rows.count();
      await card.getByLabel("Document type").selectOption({ label: "EIN confirmation" });
      await card.getByLabel("File", { exact: true }).setInputFiles({
        name: "ein-letter.pdf",
        mimeType: "application/pdf",
        buffer: pdfOf(2048),
      });
      await card.getByRole("button", { name: "Upload", exact: true }).click();
      const bar = card.getByRole("progressbar", { name: "Uploading ein-letter.pdf" });
      await expect(bar).toBeVisible();
      await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
      await expect(card.getByText("ein-letter.pdf uploaded")).toBeVisible();
      await expect(rows).toHaveCount(before + 1);
      await expect(rows.first()).toContainText("In review at Jiko");

      const href = await rows
        .first()
        .getByRole("link", { name: /Download/ })
        .getAttribute("href");
      const file = await admin.request.get(href!);
      expect(file.headers()["content-type"]).toBe("application/pdf");
      expect(file.headers()["content-disposition"]).toMatch(/^attachment;/);
      expect((await file.body()).length).toBe(pdfOf(2048).length);
    });

    test("a wrong type is refused under the file field, in the browser and at the server", async () => {
      await admin.goto("/company");
      const card = region(admin, "Documents");
      const rows = card.getByRole("row", { name: /Bylaws/ });
      await card.getByLabel("Document type").selectOption({ label: "Bylaws" });
      const file = card.getByLabel("File", { exact: true });
      await file.setInputFiles({
        name: "notes.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("not a document"),
      });
      await card.getByRole("button", { name: "Upload", exact: true }).click();
      await expect(
        card.getByText(/notes\.txt is not accepted\. Choose a PDF, PNG or JPEG/),
      ).toBeVisible();
      await expect(file).toHaveAttribute("aria-invalid", "true");

      // A picture renamed as a PDF passes the browser's look at its name and type, not the bytes.
      await file.setInputFiles({ name: "bylaws.pdf", mimeType: "application/pdf", buffer: PNG });
      await card.getByRole("button", { name: "Upload", exact: true }).click();
      await expect(card.getByText(/sent as a PDF but its content is a PNG image/)).toBeVisible();
      await expect(rows).toHaveCount(0);
    });

    test("the page is accessible in light and dark, and fits a phone", async () => {
      await admin.setViewportSize({ width: 390, height: 844 });
      await admin.goto("/company");
      await expect(region(admin, "Profile")).toBeVisible();
      await expect(region(admin, "Documents").getByRole("row").nth(1)).toBeVisible();
      const overflow = await admin.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(admin);
      await admin.screenshot({ path: "/tmp/company-390.png", fullPage: true });
      await admin.emulateMedia({ colorScheme: "dark" });
      await expectAccessible(admin);
      await admin.getByRole("button", { name: "Edit contact details" }).click();
      await expect(admin.getByRole("dialog", { name: "Edit contact details" })).toBeVisible();
      await expectAccessible(admin);
      await admin.screenshot({ path: "/tmp/company-dialog-dark.png" });
      await admin.keyboard.press("Escape");
      await admin.emulateMedia({ colorScheme: "light" });
      await expect(
        admin.getByRole("link", { name: "Open an account for a new entity" }),
      ).toHaveAttribute("href", "/company/new-entity");
    });
  });

test("a read-only member reads the company after a deep link, with no controls; the server refuses changes", async ({
  page,
}) => {
  const person = await personWith((p) =>
    p.teams.some(
      (t) => t.team_name === TEAM && t.role === "READ_ONLY" && t.member_status === "ACTIVE",
    ),
  );
  await page.goto("/company");
  await expect(page).toHaveURL(/\/sign-in\?/);
  await page.getByRole("button", { name: "Sign in with Jiko" }).click();
  await completePortalLogin(page, person.email, { teamName: TEAM });
  await page.waitForURL(`${E2E.appUrl}/company`);
  await expect(page.getByTestId("active-team")).toHaveText(TEAM);
  await expect(region(page, "Beneficial owners").getByRole("row").nth(1)).toContainText(/\*+\d{4}/);
  await expect(region(page, "Agreements").getByRole("link").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit contact details" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Upload a document" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Open an account for a new entity" })).toHaveCount(0);

  const headers = { origin: E2E.appUrl };
  const edit = await page.request.patch("/api/company/profile", {
    headers,
    data: { phone_number: "+14155550111" },
  });
  expect(edit.status()).toBe(403);
  expect((await edit.json()).error.code).toBe("forbidden");
  const upload = await page.request.post("/api/company/documents?type=OTHER", {
    headers: { ...headers, "content-type": "application/pdf" },
    data: pdfOf(1),
  });
  expect(upload.status()).toBe(403);
  const consent = await page.request.post("/api/company/agreements", {
    headers,
    data: { version: "2025.2" },
  });
  expect(consent.status()).toBe(403);
});
