/**
 * A session acts for the team it signed in for: another browser's sign-in for another team leaves
 * it alone, and a tab left open for a team cannot write after a switch in another tab. Signing
 * out and switching team revoke the grant they end at Jiko.
 */
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { E2E } from "./env";
import { signIn, switchTeam } from "./portal";
import { personWith, type SeededPerson, seededPeople } from "./sandbox";

const EUROPE = "Harborline Europe";
const TREASURY = "Harborline Treasury";

interface OAuthEvent {
  type: string;
  at: string;
  grant_id: string | null;
  reason: string | null;
}

async function oauthEvents(email: string, type: string): Promise<OAuthEvent[]> {
  const url = `${E2E.apiUrl}/_sandbox/oauth-events?email=${encodeURIComponent(email)}&type=${type}`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`/_sandbox/oauth-events answered ${res.status}`);
  return ((await res.json()) as { items: OAuthEvent[] }).items;
}

/** The seeded person who is an admin in Europe and a member of Treasury too. */
const twoTeamAdmin = () =>
  personWith(
    (p) =>
      p.teams.some((t) => t.team_name === EUROPE && t.role === "ADMIN") &&
      p.teams.some((t) => t.team_name === TREASURY && t.member_status === "ACTIVE"),
  );

async function teamsOf(email: string): Promise<string[]> {
  const found = (await seededPeople()).find((p) => p.email === email);
  return found?.teams.map((t) => t.team_name) ?? [];
}

/** Signs in and makes sure the session acts for a team (the portal may remember another). */
async function signInFor(page: Page, email: string, teamName: string) {
  await signIn(page, email, { teamName });
  if ((await page.getByTestId("active-team").textContent()) !== teamName) {
    await switchTeam(page, teamName);
  }
}

async function invite(page: Page, email: string) {
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a member" });
  await dialog.getByLabel("First name").fill("Ines");
  await dialog.getByLabel("Last name").fill("Okafor");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Mobile phone").fill("+14155550142");
  await dialog.getByLabel("Role").selectOption({ label: "Read-only" });
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  return dialog;
}

/** Opens the team's first pocket and answers its name. */
async function openFirstPocket(page: Page): Promise<string> {
  await page.goto("/pockets");
  const link = page.getByRole("table").getByRole("link").first();
  const name = (await link.textContent())!.trim();
  await link.click();
  await page.waitForURL(/\/pockets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  return name;
}

async function rename(page: Page, name: string) {
  await page.getByRole("button", { name: "Rename" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Save name" }).click();
  return dialog;
}

test.describe("a session's team", () => {
  let person: SeededPerson;
  const contexts: BrowserContext[] = [];
  const newPage = async (browser: import("@playwright/test").Browser) => {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  };

  test.beforeAll(async () => {
    person = await twoTeamAdmin();
  });
  test.afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  test("two browsers of one person each act for the team they signed in for", async ({
    browser,
  }) => {
    test.setTimeout(120_000); // two sign-ins and a team switch through the portal
    const europe = await newPage(browser);
    await signInFor(europe, person.email, EUROPE);
    await europe.goto("/team");

    // The same person signs in for Treasury in another browser.
    const treasury = await newPage(browser);
    await signInFor(treasury, person.email, TREASURY);

    // The first browser still invites into Europe, where it signed in.
    const invitee = `ines.okafor+${Date.now()}@harborline.example`;
    const dialog = await invite(europe, invitee);
    await expect(dialog).toBeHidden();
    expect(await teamsOf(invitee)).toEqual([EUROPE]);

    // ...and still changes Europe's pockets.
    const name = await openFirstPocket(europe);
    await expect(await rename(europe, `${name} (renamed)`)).toBeHidden();
    await expect(europe.getByRole("heading", { level: 1 })).toContainText(`${name} (renamed)`);
    await expect(await rename(europe, name)).toBeHidden();

    await treasury.reload();
    await expect(treasury.getByTestId("active-team")).toHaveText(TREASURY);
  });

  test("a tab left open for one team cannot write after another tab switched team", async ({
    browser,
  }) => {
    test.setTimeout(120_000); // three tabs, a sign-in and a team switch through the portal
    const stale = await newPage(browser);
    await signInFor(stale, person.email, EUROPE);
    const pocketTab = await stale.context().newPage();
    const pocketName = await openFirstPocket(pocketTab);
    await stale.goto("/team");

    // Another tab of the same browser switches to Treasury.
    const switcher = await stale.context().newPage();
    await switcher.goto("/");
    const revokedBefore = (await oauthEvents(person.email, "token.revoked")).length;
    await switchTeam(switcher, TREASURY);

    // The switch replaced this browser's grant: the old one was revoked at Jiko.
    await expect
      .poll(async () => (await oauthEvents(person.email, "token.revoked")).length)
      .toBeGreaterThan(revokedBefore);

    // The Europe page left open refuses to invite, and says why; nobody was invited anywhere.
    const invitee = `stale.tab+${Date.now()}@harborline.example`;
    const dialog = await invite(stale, invitee);
    await expect(dialog.getByRole("alert")).toContainText(
      `This page was opened for ${EUROPE}, but you have since switched to ${TREASURY}`,
    );
    expect(await teamsOf(invitee)).toEqual([]);

    // So does the Europe pocket page.
    const renaming = await rename(pocketTab, `${pocketName} (stale)`);
    await expect(renaming.getByRole("alert")).toContainText(`opened for ${EUROPE}`);
    await pocketTab.keyboard.press("Escape");
    await expect(renaming).toBeHidden();
    await expect(pocketTab.getByRole("heading", { level: 1 })).not.toContainText("(stale)");
  });

  test("the browser learns nothing of the session but who and until when", async ({ browser }) => {
    const page = await newPage(browser);
    await signInFor(page, person.email, EUROPE);
    const cookie = (await page.context().cookies()).find((c) => c.name === "td.session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    const res = await page.request.get("/api/auth/session");
    const text = await res.text();
    expect(text).not.toContain(cookie!.value);
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["expires", "user"]);
    expect(Object.keys(body.user as object).sort()).toEqual(["email", "name"]);
  });

  test("the cookie's expiry follows activity", async ({ browser }) => {
    const page = await newPage(browser);
    await signInFor(page, person.email, EUROPE);
    const expiry = async () =>
      (await page.context().cookies()).find((c) => c.name === "td.session")!.expires;
    const first = await expiry();
    await page.waitForTimeout(2_000);
    await page.goto("/team");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const paged = await expiry();
    expect(paged).toBeGreaterThanOrEqual(first + 2);
    // A data read (no page load) keeps it too: API routes slide it in their guard.
    await page.waitForTimeout(2_000);
    expect((await page.request.get("/api/notifications?status=all")).ok()).toBe(true);
    expect(await expiry()).toBeGreaterThanOrEqual(paged + 2);
  });

  test("signing out revokes the session's grant at Jiko", async ({ browser }) => {
    const page = await newPage(browser);
    await signInFor(page, person.email, EUROPE);
    const before = (await oauthEvents(person.email, "token.revoked")).length;
    await page.getByRole("button", { name: /^Account:/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\?reason=signed-out/);
    await expect
      .poll(async () => (await oauthEvents(person.email, "token.revoked")).length)
      .toBe(before + 1);
  });
});
