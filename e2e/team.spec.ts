import { readFile } from "node:fs/promises";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { parseCsv } from "../sandbox/testing/csv";
import { expectAccessible } from "./axe";
import { E2E } from "./env";
import { signIn } from "./portal";
import { latestMessage, personWith, sandboxFaults } from "./sandbox";

const newcomer = {
  first: "Riley",
  last: "Quinn",
  email: `riley.quinn+${Date.now()}@harborline.example`,
  phone: "+1 415 555 0188",
  password: "a-long-sandbox-password",
};
const newcomerName = `${newcomer.first} ${newcomer.last}`;

async function adminPage(browser: Browser): Promise<Page> {
  const admin = await personWith(
    (p) =>
      p.teams.length === 1 &&
      p.teams[0]!.role === "ADMIN" &&
      p.teams[0]!.team_name === "Harborline Treasury",
  );
  const page = await (await browser.newContext()).newPage();
  await signIn(page, admin.email);
  return page;
}

test.describe
  .serial("team administration", () => {
    let admin: Page;
    let invitee: Page;

    test.beforeAll(async ({ browser }) => {
      admin = await adminPage(browser);
      invitee = await (await browser.newContext()).newPage();
    });

    test("an admin invites a person, who signs up from the email and signs in with the invited role", async () => {
      await admin.goto("/team");
      await admin.getByRole("button", { name: "Invite member" }).click();
      const dialog = admin.getByRole("dialog", { name: "Invite a member" });
      await dialog.getByRole("button", { name: "Send invitation" }).click();
      await expect(dialog.getByText("Enter the first name")).toBeVisible();
      await dialog.getByLabel("First name").fill(newcomer.first);
      await dialog.getByLabel("Last name").fill(newcomer.last);
      await dialog.getByLabel("Email").fill(newcomer.email);
      await dialog.getByLabel("Mobile phone").fill("415");
      await dialog.getByRole("button", { name: "Send invitation" }).click();
      await expect(dialog.getByText(/international form/)).toBeVisible();
      await dialog.getByLabel("Mobile phone").fill(newcomer.phone);
      await dialog.getByLabel("Role").selectOption({ label: "Initiator" });
      await dialog.getByRole("button", { name: "Send invitation" }).click();
      await expect(dialog).toBeHidden();
      await expect(admin.getByTestId(`member-${newcomer.email}`)).toContainText("Initiator");

      const email = await latestMessage(newcomer.email, "email");
      expect(email.link).toBeTruthy();
      await invitee.goto(email.link!);
      await expect(
        invitee.getByRole("heading", { name: /Join Harborline Treasury/ }),
      ).toBeVisible();
      await invitee.getByLabel("Password", { exact: true }).fill(newcomer.password);
      await invitee.getByLabel("Confirm password").fill(newcomer.password);
      await invitee.getByRole("button", { name: "Continue" }).click();
      const code = (await invitee.getByText(/your code is \d{6}/i).textContent())!.match(
        /\d{6}/,
      )![0];
      await invitee.getByLabel("Verification code").fill(code);
      await invitee.getByRole("button", { name: "Verify" }).click();
      await expect(invitee.getByRole("heading", { name: /all set/ })).toBeVisible();

      await invitee.goto(`${E2E.appUrl}/sign-in`);
      await invitee.getByRole("button", { name: "Sign in with Jiko" }).click();
      await invitee.getByLabel("Email").fill(newcomer.email);
      await invitee.getByLabel("Password").fill(newcomer.password);
      await invitee.getByRole("button", { name: "Sign in" }).click();
      const loginCode = (await invitee.getByText(/your code is \d{6}/i).textContent())!.match(
        /\d{6}/,
      )![0];
      await invitee.getByLabel("Verification code").fill(loginCode);
      await invitee.getByRole("button", { name: "Verify" }).click();
      await invitee.getByRole("checkbox", { name: /I agree to Jiko/ }).check();
      await invitee.getByRole("button", { name: "Grant access" }).click();
      await expect(invitee.getByTestId("viewer-name")).toHaveText(newcomerName);
      await expect(invitee.getByTestId("viewer-role")).toHaveText("Initiator");
    });

    test("the admin changes the role and the person's pages change on their next load", async () => {
      await admin.goto("/team");
      await admin.getByRole("button", { name: `Change role of ${newcomerName}` }).click();
      const dialog = admin.getByRole("dialog");
      await dialog.getByLabel("Role").selectOption({ label: "Reviewer" });
      await expect(dialog.getByText("Read the audit log")).toBeVisible();
      await dialog.getByRole("button", { name: "Change role" }).click();
      await expect(admin.getByTestId(`member-${newcomer.email}`)).toContainText("Reviewer");

      await invitee.reload();
      await expect(invitee.getByTestId("viewer-role")).toHaveText("Reviewer");
      await expect(invitee.getByRole("link", { name: "Audit log" })).toBeVisible();
    });

    test("deactivation, named in the confirmation, ends the person's session", async () => {
      await admin.getByRole("button", { name: `Deactivate ${newcomerName}` }).click();
      const dialog = admin.getByRole("dialog", { name: `Deactivate ${newcomerName}?` });
      await expect(dialog).toContainText("signed out of Jiko and Treasury Desk at once");
      await dialog.getByRole("button", { name: `Deactivate ${newcomer.first}` }).click();
      await expect(dialog).toBeHidden();
      await expect(
        admin.getByRole("region", { name: /^Deactivated/ }).getByTestId(`member-${newcomer.email}`),
      ).toBeVisible();

      // The open page may already be leaving for sign-in by itself (its next read is refused) as
      // the reload starts; either way the person ends on the sign-in page.
      await expect(async () => {
        await invitee.reload();
        await expect(invitee).toHaveURL(/\/sign-in/, { timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
      await expect(invitee.getByRole("button", { name: "Sign in with Jiko" })).toBeVisible();
    });

    test("each action is in the audit log, and the CSV holds exactly the filtered rows", async () => {
      await admin.goto("/audit");
      await admin.getByLabel("Member").selectOption({ label: newcomerName });
      await admin.getByRole("button", { name: "Apply" }).click();
      await expect(admin).toHaveURL(/member=/);
      const entries = admin.getByTestId("audit-entry");
      const expected = [
        "team.member.invited",
        "team.member.joined",
        "team.member.role_changed",
        "team.member.deactivated",
      ];
      for (const action of expected)
        await expect(admin.locator(`[data-action="${action}"]`)).toHaveCount(1);
      const shown = await entries.evaluateAll((els) =>
        els.map((e) => e.getAttribute("data-action")),
      );

      // The role change shows its before and after.
      await admin.locator('[data-action="team.member.role_changed"] summary').click();
      await expect(admin.locator('[data-action="team.member.role_changed"]')).toContainText(
        "REVIEWER",
      );

      // A filter survives a reload.
      await admin.reload();
      await expect(admin.locator('[data-action="team.member.deactivated"]')).toHaveCount(1);

      const [download] = await Promise.all([
        admin.waitForEvent("download"),
        admin.getByRole("link", { name: "Export CSV" }).click(),
      ]);
      const rows = parseCsv(await readFile((await download.path())!, "utf8")).filter((r) =>
        r.some(Boolean),
      );
      const header = rows[0]!;
      const actionAt = header.indexOf("action");
      expect(actionAt).toBeGreaterThanOrEqual(0);
      expect(rows.slice(1).map((r) => r[actionAt])).toEqual(shown);
    });

    test("the last admin can remove neither their role nor themselves, in the page or at the server", async () => {
      await admin.goto("/team");
      const me = admin.getByTestId(/^member-/).filter({ hasText: "(you)" });
      await expect(me.getByRole("button", { name: /^Deactivate/ })).toBeDisabled();
      await expect(me.getByRole("button", { name: /^Change role/ })).toBeDisabled();

      const team = await (await admin.request.get("/api/team")).json();
      const self = team.member_groups
        .flatMap((g: { members: { id: string; role: string }[] }) => g.members)
        .find((m: { role: string; access: string }) => m.role === "ADMIN");
      // As the page would send them: same origin, naming the team the page was rendered for.
      const pageTeam = await admin.locator("[data-team-id]").getAttribute("data-team-id");
      const headers = { origin: E2E.appUrl, "x-td-team": pageTeam! };
      const res = await admin.request.delete(`/api/team/members/${self.id}`, { headers });
      expect(res.status()).toBe(409);
      expect((await res.json()).error.message).toMatch(/last admin/);
      const demote = await admin.request.patch(`/api/team/members/${self.id}`, {
        headers,
        data: { role: "READ_ONLY" },
      });
      expect(demote.status()).toBe(409);
      expect((await demote.json()).error.message).toMatch(/last admin/);
    });

    test("the team and audit pages have no accessibility violations", async () => {
      await admin.goto("/team");
      await expect(admin.getByRole("heading", { name: "What each role may do" })).toBeVisible();
      await expectAccessible(admin);
      await admin.goto("/audit");
      await expect(admin.getByTestId("audit-entries")).toBeVisible();
      await expectAccessible(admin);
    });
  });

test("a member who may not manage the team sees no such actions and is refused by the server", async ({
  page,
}) => {
  const readOnly = await personWith((p) =>
    p.teams.some((t) => t.role === "READ_ONLY" && t.member_status === "ACTIVE"),
  );
  await signIn(page, readOnly.email);
  await page.goto("/team");
  await expect(page.getByRole("heading", { name: "Team", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Invite member" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Change role/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);

  const invite = await page.request.post("/api/team/invites", {
    headers: { origin: E2E.appUrl },
    data: {
      first_name: "Eve",
      last_name: "Intruder",
      email: "eve@example.com",
      phone_number: "+14155550111",
      role: "ADMIN",
    },
  });
  expect(invite.status()).toBe(403);
  expect((await invite.json()).error.code).toBe("forbidden");
  expect((await page.request.get("/api/audit-logs")).status()).toBe(403);
  await page.goto("/audit");
  await expect(page.getByText("Your role does not allow reading the audit log.")).toBeVisible();

  // A cross-site request is refused whoever sends it.
  const crossSite = await page.request.post("/api/team/invites", {
    headers: { origin: "https://evil.example" },
    data: {},
  });
  expect(crossSite.status()).toBe(403);
});

test("an admin reveals an account number and finds the reveal, not the number, in the audit page", async ({
  browser,
}) => {
  const admin = await adminPage(browser);
  const name = (await admin.getByTestId("viewer-name").textContent())!;
  await admin.goto("/pockets");
  await admin.getByRole("link", { name: "Operating Reserve (4-week)" }).click();
  await admin.waitForURL(/\/pockets\/[0-9a-f-]{36}$/);
  const pocketId = new URL(admin.url()).pathname.split("/").at(-1)!;
  await admin.getByRole("button", { name: "Reveal account numbers" }).click();
  const account = admin.getByTestId("account-number").first();
  await expect(account).toHaveText(/^\d{8,17}$/);
  const number = (await account.textContent())!;

  await admin.goto("/audit");
  await admin.getByRole("link", { name: "Sensitive reads" }).click();
  await expect(admin).toHaveURL(/view=reads/);
  const entry = admin.locator('[data-action="account_number.revealed"]').first();
  await expect(entry).toContainText(name);
  await expect(entry).toContainText("Revealed account numbers");
  await expect(entry).toContainText(pocketId);
  expect(await admin.content()).not.toContain(number);
  await expectAccessible(admin);
});

test("the role matrix promises nothing the dashboard does not do; a cancelled invitation starts blank", async ({
  browser,
}) => {
  const admin = await adminPage(browser);
  await admin.goto("/team");
  const matrix = admin.getByRole("table", { name: "Capabilities of each team role" });
  await expect(matrix).toBeVisible();
  // Moving money and webhooks are built, and the matrix says who may do which part.
  await expect(matrix).toContainText("Approve or deny others' transfer requests");
  await expect(matrix).toContainText("Manage webhook subscriptions and read delivered events");

  await admin.getByRole("button", { name: "Invite member" }).click();
  await admin.getByLabel("First name").fill("Half-typed");
  await admin.getByRole("button", { name: "Cancel" }).click();
  await expect(admin.getByRole("dialog")).toHaveCount(0);
  await admin.getByRole("button", { name: "Invite member" }).click();
  await expect(admin.getByLabel("First name")).toHaveValue("");
  await admin.getByRole("button", { name: "Cancel" }).click();
  await admin.goto("/");
  await expect(admin.getByRole("heading", { name: "Your access" })).toBeVisible();
  // Every capability "Your access" lists is one a page or route checks (lib/permissions.test.ts).
  await expect(admin.locator("main")).toContainText("Manage webhook subscriptions");
});

test("Back with a half-filled invitation asks first; keeping it keeps the text, discarding leaves", async ({
  browser,
}) => {
  const admin = await adminPage(browser);
  await admin.goto("/");
  await admin
    .getByRole("navigation", { name: "Sections" })
    .getByRole("link", { name: "Team" })
    .click();
  await expect(admin).toHaveURL(/\/team$/);
  await admin.getByRole("button", { name: "Invite member" }).click();
  const dialog = admin.getByRole("dialog", { name: "Invite a member" });
  await dialog.getByLabel("First name").fill("Half-typed");

  // The browser's Back is held, so it never completes: it is left to time out quietly.
  await admin.goBack({ timeout: 2_000 }).catch(() => {});
  const warning = dialog.getByRole("alert").filter({ hasText: "Going back" });
  await expect(warning).toHaveText(/Going back discards what you typed here/);
  await expect(admin).toHaveURL(/\/team$/);
  await dialog.getByRole("button", { name: "Keep editing" }).click();
  await expect(warning).toHaveCount(0);
  await expect(dialog.getByLabel("First name")).toHaveValue("Half-typed");

  await admin.goBack({ timeout: 2_000 }).catch(() => {});
  await dialog.getByRole("button", { name: "Discard and go back" }).click();
  await expect(admin).toHaveURL(/\/$/);
  await expect(admin.getByRole("dialog")).toHaveCount(0);
});

test("a one-click action Jiko fails says so: resending an invitation while Jiko is away", async ({
  browser,
}) => {
  const admin = await adminPage(browser);
  await admin.goto("/team");
  const resend = admin.getByRole("button", { name: /Resend invitation to/ }).first();
  await expect(resend).toBeEnabled();
  await sandboxFaults({ status: 503, count: 100_000 });
  try {
    await resend.click();
    await expect(
      admin.locator("[data-sonner-toast]").filter({ hasText: "Jiko is not answering right now" }),
    ).toBeVisible();
    await expect(resend).toBeEnabled();
  } finally {
    await sandboxFaults(null);
  }
});
