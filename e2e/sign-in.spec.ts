import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { E2E } from "./env";
import { completePortalLogin, signIn, switchTeam } from "./portal";
import { activePeople, personWith, ROLE_LABEL, revokeGrants, seededPeople } from "./sandbox";

test.describe("signing in through Jiko's portal", () => {
  test("every seeded person signs in and sees their own name, role and team", async ({
    browser,
  }) => {
    const people = await activePeople();
    expect(people.length).toBeGreaterThanOrEqual(4);
    for (const person of people) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const team = person.teams.find((t) => t.member_status === "ACTIVE")!;
      await signIn(page, person.email, { teamName: team.team_name });
      await expect(page.getByTestId("viewer-name")).toHaveText(person.name);
      const active = await page.getByTestId("active-team").first().textContent();
      const inTeam = person.teams.find((t) => t.team_name === active)!;
      expect(inTeam, `${person.email} landed in a team of theirs`).toBeTruthy();
      await expect(page.getByTestId("viewer-role")).toHaveText(ROLE_LABEL[inTeam.role]);
      await expect(
        page.getByRole("heading", { name: `Welcome, ${person.name.split(" ")[0]}` }),
      ).toBeVisible();
      await context.close();
    }
  });

  test("a deactivated member is refused at the portal with a clear message", async ({ page }) => {
    const deactivated = (await seededPeople()).find((p) => p.status === "DEACTIVATED");
    test.skip(!deactivated, "the seed has no deactivated member");
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in with Jiko" }).click();
    await page.getByLabel("Email").fill(deactivated!.email);
    await page.getByLabel("Password").fill(E2E.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/deactivated/i)).toBeVisible();
  });

  test("a wrong password is refused and the person can try again", async ({ page }) => {
    const person = await personWith((p) => p.teams.some((t) => t.role === "READ_ONLY"));
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in with Jiko" }).click();
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Incorrect email or password.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(person.email);
    await completePortalLogin(page, person.email);
    await expect(page.getByTestId("viewer-name")).toHaveText(person.name);
  });

  test("denying access at the portal returns to sign-in with an explanation", async ({ page }) => {
    const person = await personWith((p) => p.teams.some((t) => t.role === "INITIATOR"));
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in with Jiko" }).click();
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(E2E.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const code = (await page.getByText(/your code is \d{6}/i).textContent())!.match(/\d{6}/)![0];
    await page.getByLabel("Verification code").fill(code);
    await page.getByRole("button", { name: "Verify" }).click();
    // A person who already granted access is not asked again; only deny when the portal asks.
    if (new URL(page.url()).origin !== E2E.appUrl) {
      await page.getByRole("button", { name: "Deny access" }).click();
      await expect(page).toHaveURL(/\/sign-in\?.*error=/);
      await expect(page.getByRole("alert")).toContainText("did not grant access");
    }
  });

  test("the page's scripts can read no Jiko token", async ({ page, context }) => {
    const person = await personWith((p) => p.teams.some((t) => t.role === "REVIEWER"));
    await signIn(page, person.email);
    const cookies = await context.cookies(E2E.appUrl);
    const session = cookies.find((c) => c.name === "td.session");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    for (const c of cookies)
      expect(c.httpOnly || !/token|session/i.test(c.name), `${c.name} is readable by scripts`).toBe(
        true,
      );
    const visible = await page.evaluate(() => ({
      cookie: document.cookie,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      html: document.documentElement.outerHTML,
    }));
    expect(visible.cookie).not.toMatch(/td\.session/);
    expect(visible.local + visible.session).not.toMatch(/token/i);
    expect(visible.html).not.toMatch(/access_token|refresh_token|id_token/);
  });

  test("sign-in and overview pages have no accessibility violations", async ({ page }) => {
    await page.goto("/sign-in");
    await expectAccessible(page);
    const person = await personWith((p) => p.teams.some((t) => t.role === "ADMIN"));
    await signIn(page, person.email, { teamName: person.teams[0]!.team_name });
    await expect(page.getByTestId("customer-name")).toBeVisible();
    // The account's status reads as words, not Jiko's code.
    await expect(page.getByRole("region", { name: "Company" })).toContainText("Account open");
    await expectAccessible(page);
  });

  test("a deep link survives signing in: the page asked for, with its filters", async ({
    page,
  }) => {
    const person = await personWith((p) => p.teams.some((t) => t.role === "READ_ONLY"));
    const asked = "/transactions?type=WIRE&range=ytd";
    await page.goto(asked);
    await expect(page).toHaveURL(/\/sign-in\?/);
    await page.getByRole("button", { name: "Sign in with Jiko" }).click();
    await completePortalLogin(page, person.email, {
      teamName: person.teams.find((t) => t.role === "READ_ONLY")!.team_name,
    });
    await page.waitForURL(`${E2E.appUrl}${asked}`);
    await expect(page.getByTestId("viewer-name")).toHaveText(person.name);
  });

  for (const target of ["//evil.example", "https://evil.example"]) {
    test(`a sign-in link to ${target} lands on the overview`, async ({ page }) => {
      const person = await personWith((p) => p.teams.some((t) => t.role === "INITIATOR"));
      await page.goto(`/sign-in?redirectTo=${encodeURIComponent(target)}`);
      await page.getByRole("button", { name: "Sign in with Jiko" }).click();
      await completePortalLogin(page, person.email, {
        teamName: person.teams.find((t) => t.role === "INITIATOR")!.team_name,
      });
      await page.waitForURL(`${E2E.appUrl}/`);
    });
  }

  test("an ended session says why on every load of the sign-in page", async ({ page }) => {
    const person = await personWith((p) => p.teams.some((t) => t.role === "REVIEWER"));
    await signIn(page, person.email, {
      teamName: person.teams.find((t) => t.role === "REVIEWER")!.team_name,
    });
    await revokeGrants(person.email);
    await page.goto("/trades");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("status")).toHaveText(/session has ended/);
    // A full page load after the first redirect still says it.
    await page.goto("/statements");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("status")).toHaveText(/session has ended/);
    await page.goto("/sign-in");
    await expect(page.getByRole("status")).toHaveText(/session has ended/);
  });

  test("switching team stays on the same page", async ({ page }) => {
    const person = await personWith(
      (p) => p.teams.filter((t) => t.member_status === "ACTIVE").length > 1,
    );
    const [first, second] = person.teams.filter((t) => t.member_status === "ACTIVE");
    await signIn(page, person.email, { teamName: first!.team_name });
    const start = (await page.getByTestId("active-team").textContent())!;
    const target = start === first!.team_name ? second! : first!;
    await page.goto("/transactions?range=ytd");
    await switchTeam(page, target.team_name);
    await expect(page).toHaveURL(`${E2E.appUrl}/transactions?range=ytd`);
  });
});

test("every page has a real icon: /favicon.ico is an image, not a 404", async ({ page }) => {
  const res = await page.request.get("/favicon.ico");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^image\//);
  expect((await res.body()).byteLength).toBeGreaterThan(0);
  const failed: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) failed.push(r.url());
  });
  await page.goto("/sign-in");
  await page.waitForLoadState("networkidle");
  expect(failed).toEqual([]);
});
