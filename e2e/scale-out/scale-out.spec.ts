import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { signIn } from "../portal";
import { SCALE } from "./env";
import { oauthEvents, personWithRole, within } from "./sandbox";

/**
 * Two dashboard instances on one PostgreSQL. Cookies ignore ports, so a browser signed in on one
 * (localhost:3200) presents the same session cookie to the other (localhost:3201), as it would
 * to two instances behind one load balancer.
 */
const [ONE, TWO] = SCALE.appUrls as [string, string];

const pastAccessTokenLifetime = () =>
  new Promise((r) => setTimeout(r, (SCALE.accessTokenTtl + 1.5) * 1000));

const viewerName = (page: Page) => page.getByTestId("viewer-name");

test.describe("several instances on one PostgreSQL", () => {
  test("a session made on one instance is honoured by the other", async ({ page }) => {
    const person = await personWithRole("ADMIN");
    await signIn(page, person.email, { appUrl: ONE });
    await expect(viewerName(page)).toHaveText(person.name);

    await page.goto(`${TWO}/team`);
    await expect(page).toHaveURL(`${TWO}/team`);
    await expect(viewerName(page)).toHaveText(person.name);
    const customer = await page.request.get(`${TWO}/api/customer`);
    expect(customer.status()).toBe(200);
  });

  test("after the access token expired, both instances at once refresh it once at Jiko", async ({
    context,
  }) => {
    const person = await personWithRole("INITIATOR");
    // Two tabs per instance, and API calls to both.
    const urls = [`${ONE}/`, `${ONE}/team`, `${TWO}/`, `${TWO}/pockets`];
    const pages: Page[] = [];
    for (const _ of urls) pages.push(await context.newPage());
    await signIn(pages[0]!, person.email, { appUrl: ONE });
    const api = (base: string, path: string) => context.request.get(`${base}${path}`);

    // Twice, so a race that loses only sometimes has two chances to show.
    for (let round = 1; round <= 2; round++) {
      // Idle tabs would call Jiko (and refresh) at moments of their own: park them meanwhile.
      await Promise.all(pages.map((page) => page.goto("about:blank")));
      await pastAccessTokenLifetime();
      const from = Date.now();
      const [answers] = await Promise.all([
        Promise.all([
          api(ONE, "/api/customer"),
          api(TWO, "/api/customer"),
          api(ONE, "/api/pockets"),
          api(TWO, "/api/pockets"),
          api(TWO, "/api/overview"),
        ]),
        ...pages.map((page, i) => page.goto(urls[i]!)),
      ]);
      expect(answers.map((a: APIResponse) => a.status())).toEqual([200, 200, 200, 200, 200]);
      for (const page of pages) await expect(viewerName(page)).toHaveText(person.name);
      const to = Date.now();

      const refreshes = within(await oauthEvents(person.email, "token.refresh"), from, to);
      expect(refreshes, `round ${round}: refreshes at Jiko`).toHaveLength(1);
      const refused = within(await oauthEvents(person.email, "token.refresh_failed"), from, to);
      expect(refused, `round ${round}: refused refreshes`).toEqual([]);
    }
    const ended = await oauthEvents(person.email, "grant.revoked");
    expect(ended.filter((e) => e.reason === "refresh_token_reuse")).toEqual([]);
  });

  test("signing out on one instance ends the session on the other", async ({ browser }) => {
    const person = await personWithRole("READ_ONLY");
    const here = await browser.newContext();
    const page = await here.newPage();
    await signIn(page, person.email, { appUrl: ONE });
    // Another browser holding the same session cookie, on the other instance: signing out
    // clears the cookie in the first browser only, so only the server can end it here.
    const there = await browser.newContext({ storageState: await here.storageState() });
    const other = await there.newPage();
    await other.goto(`${TWO}/`);
    await expect(viewerName(other)).toHaveText(person.name);
    await page.reload();
    await expect(viewerName(page)).toHaveText(person.name);

    const revokedBefore = (await oauthEvents(person.email, "token.revoked")).length;
    await page.getByRole("button", { name: /^Account:/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(new RegExp(`^${ONE}/sign-in`));

    await other.goto(`${TWO}/pockets`);
    await expect(other).toHaveURL(new RegExp(`^${TWO}/sign-in`));
    await expect(other.getByRole("button", { name: "Sign in with Jiko" })).toBeVisible();
    // And the grant ended at Jiko too.
    await expect
      .poll(async () => (await oauthEvents(person.email, "token.revoked")).length)
      .toBeGreaterThan(revokedBefore);
    await here.close();
    await there.close();
  });
});

test("an event Jiko delivers to one instance reaches a page served by the other", async ({
  browser,
}) => {
  const person = await personWithRole("ADMIN");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, person.email, { appUrl: ONE });
  // The team page on the instance Jiko's webhooks do not reach (they go to ONE).
  await page.goto(`${TWO}/team`);
  await expect(page.locator("body")).toHaveAttribute("data-live", "open");
  await page.evaluate(() => void Reflect.set(window, "__sameDocument", true));
  const team = await page.locator("[data-team-id]").first().getAttribute("data-team-id");

  const email = `live-${Date.now()}@example.test`;
  const invite = await context.request.post(`${ONE}/api/team/invites`, {
    headers: { origin: ONE, "x-td-team": team! },
    data: {
      first_name: "Live",
      last_name: "Update",
      email,
      phone_number: "+14155550142",
      role: "READ_ONLY",
    },
  });
  expect(invite.status()).toBe(201);
  // Jiko → webhook on ONE → PostgreSQL NOTIFY → TWO → the open page, with no reload.
  await expect(page.getByText(email, { exact: true })).toBeVisible({ timeout: 10_000 });
  expect(await page.evaluate(() => Reflect.get(window, "__sameDocument"))).toBe(true);
  await context.close();
});
