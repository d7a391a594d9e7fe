/**
 * Payees: the seeded list in words, adding (the contract's rules in the browser, Jiko's
 * verification after), unlinking with a confirmation, and a read-only member kept to reading.
 */
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { E2E } from "./env";
import { signInTo } from "./portal";
import { personWith, seededPeople } from "./sandbox";

const TREASURY = "Harborline Treasury";
const EUROPE = "Harborline Europe";

async function signedIn(browser: Browser, email: string, teamName: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInTo(page, email, teamName);
  return page;
}

/** The legal name of the company behind a seeded team, as the sandbox seeded it. */
async function customerOf(teamName: string): Promise<string> {
  const team = (await seededPeople()).flatMap((p) => p.teams).find((t) => t.team_name === teamName);
  if (!team) throw new Error(`no seeded team ${teamName}`);
  return team.customer_name;
}

/** A pocket of another company, found as that company's own admin sees its pockets. */
async function otherCompanyNetworkAddress(browser: Browser): Promise<string> {
  const europeAdmin = await personWith((p) =>
    p.teams.some(
      (t) => t.team_name === EUROPE && t.role === "ADMIN" && t.member_status === "ACTIVE",
    ),
  );
  const page = await signedIn(browser, europeAdmin.email, EUROPE);
  const pockets = (await (await page.request.get("/api/pockets")).json()) as {
    items: { id: string; pocket_name: string }[];
  };
  const pocket = pockets.items.find((p) => p.pocket_name.startsWith("EU Liquidity Buffer"));
  if (!pocket) throw new Error("the other company has no liquidity pocket");
  await page.context().close();
  const res = await fetch(`${E2E.apiUrl}/_sandbox/network-address?pocket_id=${pocket.id}`);
  return ((await res.json()) as { network_address: string }).network_address;
}

const row = (page: Page, name: string) => page.getByTestId(`payee-${name}`);

test.describe
  .serial("payees of an admin", () => {
    let admin: Page;

    test.beforeAll(async ({ browser }) => {
      const person = await personWith((p) =>
        p.teams.some(
          (t) => t.team_name === TREASURY && t.role === "ADMIN" && t.member_status === "ACTIVE",
        ),
      );
      admin = await signedIn(browser, person.email, TREASURY);
    });

    test("the seeded payees of every type read in words; unlinked ones only when asked for", async () => {
      await admin.goto("/payees");
      await expect(admin.getByRole("heading", { name: "Payees", exact: true })).toBeVisible();
      const expected = [
        [
          "ADP, Inc.",
          "ACH",
          "Verified",
          "Can pull from our pockets by ACH debit; transfers go by wire or JikoNet",
        ],
        ["Beacon Harbor Properties LLC", "Wire", "Verified", "Can receive transfers"],
        ["Hamburg Container Services GmbH", "International wire", "Verified", "COBADEFFXXX"],
        [await customerOf(EUROPE), "JikoNet", "Verified", "Can receive transfers"],
        [
          "Keystone Freight Brokers LLC",
          "ACH",
          "Pending",
          "Verification under way (micro-deposits)",
        ],
      ];
      for (const [name, ...words] of expected) {
        for (const w of words) await expect(row(admin, name!)).toContainText(w!);
      }
      const text = await admin.getByRole("region", { name: "Payees table" }).textContent();
      expect(text).not.toMatch(/PENDING|VERIFIED|micro_deposits|international_wire|on_us/);
      await expect(row(admin, "Summit Packaging Corp.")).toHaveCount(0);

      await admin.getByLabel("Show unlinked payees").check();
      await admin.getByRole("button", { name: "Apply" }).click();
      await expect(admin).toHaveURL(/unlinked=1/);
      await expect(row(admin, "Summit Packaging Corp.")).toContainText("Unlinked");

      await admin.getByLabel("Type", { exact: true }).selectOption({ label: "Wire" });
      await admin.getByRole("button", { name: "Apply" }).click();
      await expect(admin).toHaveURL(/type=wire/);
      await expect(row(admin, "ADP, Inc.")).toHaveCount(0);
      await expect(row(admin, "Beacon Harbor Properties LLC")).toBeVisible();

      await admin.goBack();
      await expect(admin).not.toHaveURL(/type=wire/);
      await expect(row(admin, "ADP, Inc.")).toBeVisible();
      await admin.goBack();
      await expect(row(admin, "Summit Packaging Corp.")).toHaveCount(0);
    });

    test("an ACH payee: a wrong check digit is refused under the routing field, then it is added as pending", async () => {
      await admin.goto("/payees");
      await admin.getByRole("button", { name: "Add payee" }).click();
      const dialog = admin.getByRole("dialog", { name: "Add a payee" });
      await dialog.getByRole("radio", { name: /^ACH/ }).check();
      await dialog.getByLabel("Payee name").fill("Northwind Cartage LLC");
      await dialog.getByLabel("Account holder name").fill("Northwind Cartage LLC");
      await dialog.getByLabel("Routing number").fill("021000022");
      await dialog.getByLabel("Account number").fill("44012987");
      await dialog.getByRole("button", { name: "Add payee" }).click();
      const routing = dialog.getByLabel("Routing number");
      await expect(routing).toHaveAttribute("aria-invalid", "true");
      await expect(routing).toHaveAccessibleDescription(/check digit is wrong/);

      await routing.fill("021000021");
      await dialog.getByRole("button", { name: "Add payee" }).click();
      await expect(dialog).toBeHidden();
      await expect(admin.getByText(/must verify it before it can be paid/)).toBeVisible();
      await expect(row(admin, "Northwind Cartage LLC")).toContainText("Pending");
      await expect(row(admin, "Northwind Cartage LLC")).toContainText("micro-deposits");
    });

    test("a JikoNet payee at another company's network address", async ({ browser }) => {
      const address = await otherCompanyNetworkAddress(browser);
      const name = await customerOf(EUROPE);
      await admin.goto("/payees");
      await admin.getByRole("button", { name: "Add payee" }).click();
      const dialog = admin.getByRole("dialog", { name: "Add a payee" });
      await dialog.getByRole("radio", { name: /^JikoNet/ }).check();
      await dialog.getByLabel("Legal business name").fill(name);
      await dialog.getByLabel("Jiko network address").fill(address.slice(0, 11));
      await dialog.getByRole("button", { name: "Add payee" }).click();
      await expect(dialog.getByText("A Jiko network address is 12 digits")).toBeVisible();
      await dialog.getByLabel("Jiko network address").fill(address);
      await dialog.getByRole("button", { name: "Add payee" }).click();
      await expect(dialog).toBeHidden();
      // The name matches the company at that address, so Jiko verifies it at once.
      await expect(admin.getByText(`${name} is added and verified`)).toBeVisible();
      const added = admin
        .getByTestId(`payee-${name}`)
        .filter({ hasText: `••${address.slice(-4)}` });
      await expect(added).toContainText("JikoNet");
      await expect(added).toContainText("Verified");
    });

    test("unlinking names the payee and its pending requests, and leaves it Unlinked", async () => {
      await admin.goto("/payees");
      await admin.getByRole("button", { name: "Unlink Pacific Pallet Supply Co." }).click();
      const dialog = admin.getByRole("dialog", { name: "Unlink Pacific Pallet Supply Co.?" });
      await expect(dialog).toContainText("pending transfer requests to it cannot be approved");
      await dialog.getByRole("button", { name: "Unlink Pacific Pallet Supply Co." }).click();
      await expect(dialog).toBeHidden();
      await expect(row(admin, "Pacific Pallet Supply Co.")).toHaveCount(0);
      await admin.goto("/payees?status=UNLINKED");
      await expect(row(admin, "Pacific Pallet Supply Co.")).toContainText("Unlinked");
      await expect(
        row(admin, "Pacific Pallet Supply Co.").getByRole("button", { name: /^Unlink/ }),
      ).toHaveCount(0);
    });

    test("the page is accessible in light and dark, and fits a phone", async () => {
      await admin.setViewportSize({ width: 1280, height: 900 });
      await admin.goto("/payees?unlinked=1");
      await expect(row(admin, "ADP, Inc.")).toBeVisible();
      await expectAccessible(admin);
      await admin.screenshot({ path: "/tmp/payees-1280.png", fullPage: true });
      await admin.emulateMedia({ colorScheme: "dark" });
      await expectAccessible(admin);
      await admin.getByRole("button", { name: "Add payee" }).click();
      await admin
        .getByRole("dialog", { name: "Add a payee" })
        .getByRole("radio", { name: /^International wire/ })
        .check();
      await expectAccessible(admin);
      await admin.screenshot({ path: "/tmp/payees-dialog-dark.png" });
      await admin.keyboard.press("Escape");
      await admin.emulateMedia({ colorScheme: "light" });

      await admin.setViewportSize({ width: 390, height: 844 });
      await admin.reload();
      await expect(row(admin, "ADP, Inc.")).toBeVisible();
      const overflow = await admin.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(admin);
      await admin.screenshot({ path: "/tmp/payees-390.png", fullPage: true });
    });
  });

test("a read-only member sees the payees but cannot add or unlink, in the page or at the server", async ({
  browser,
}) => {
  const person = await personWith((p) =>
    p.teams.some(
      (t) => t.team_name === TREASURY && t.role === "READ_ONLY" && t.member_status === "ACTIVE",
    ),
  );
  const page = await signedIn(browser, person.email, TREASURY);
  await page.goto("/payees");
  await expect(row(page, "ADP, Inc.")).toContainText("Verified");
  await expect(page.getByRole("button", { name: "Add payee" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Unlink/ })).toHaveCount(0);

  const res = await page.request.post("/api/counterparties", {
    headers: { origin: E2E.appUrl },
    data: {
      type: "ach",
      name: "Eve Intruder",
      ach: {
        name_on_account: "Eve Intruder",
        routing_number: "021000021",
        account_number: "12345678",
        account_type: "CHECKING",
      },
    },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("forbidden");
});
