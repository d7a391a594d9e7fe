import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { E2E } from "./env";
import { completePortalLogin, passConsent, signIn, signInTo } from "./portal";
import { personWith, ROLE_LABEL, revokeGrants } from "./sandbox";
import {
  POCKET,
  requestRow,
  requestTransfer,
  reviewCard,
  selectByLabelStart,
  signedInAs,
  TEAM,
} from "./transfers-kit";

/**
 * Jiko ends the person's session (their grants revoked) just before `send` is pressed: the change
 * goes to sign-in, which says why and comes back to `path` once they sign in again.
 */
async function sessionEndsAsSent(page: Page, email: string, send: Locator, path: string) {
  expect(await revokeGrants(email)).toBeGreaterThan(0);
  await send.click();
  const back = encodeURIComponent(path);
  // Jiko's refusal comes after a refresh the portal refuses. Right after the sign-in-heavy tests
  // of session-teams.spec.ts, the denial's took over 10 s in 2 of 13 runs (cause not
  // found yet). This test is about where the person lands, not how fast: it waits up to 30 s.
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?reason=session-ended&redirectTo=${back}$`), {
    timeout: 30_000,
  });
  await page.getByRole("button", { name: "Sign in with Jiko" }).click();
  await completePortalLogin(page, email, { teamName: TEAM });
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

/**
 * The drafts this tab keeps (lib/tab-drafts.ts). A form that was sent or cancelled leaves none:
 * asked of the storage itself, as a dialog that would reopen from one opens only once its code
 * has loaded.
 */
const keptDrafts = (page: Page) =>
  page.evaluate(() =>
    Object.keys(sessionStorage).filter((key) => key.startsWith("treasury-desk:draft:")),
  );

const pastAccessTokenLifetime = () =>
  new Promise((r) => setTimeout(r, (E2E.accessTokenTtl + 1.5) * 1000));

test.describe("the session", () => {
  test("a person in two teams switches team and sees their role there", async ({ page }) => {
    const person = await personWith(
      (p) => p.teams.filter((t) => t.member_status === "ACTIVE").length > 1,
    );
    const [first, second] = person.teams.filter((t) => t.member_status === "ACTIVE");
    await signIn(page, person.email, { teamName: first!.team_name });
    const start = (await page.getByTestId("active-team").textContent())!;
    const target = start === first!.team_name ? second! : first!;

    await page.getByRole("button", { name: /Switch team/ }).click();
    await page.getByRole("menuitem", { name: new RegExp(target.team_name) }).click();
    // The portal asks consent for a team the first time only; otherwise it comes straight back.
    const consent = page.getByRole("checkbox", { name: /I agree to Jiko/ });
    const switched = page
      .getByTestId("active-team")
      .filter({ hasText: new RegExp(`^${target.team_name}$`) });
    await expect(consent.or(switched)).toBeVisible({ timeout: 20_000 });
    if (await consent.isVisible()) await passConsent(page, target.team_name);
    await page.waitForURL(`${E2E.appUrl}/`);
    await expect(page.getByTestId("active-team")).toHaveText(target.team_name);
    await expect(page.getByTestId("viewer-role")).toHaveText(ROLE_LABEL[target.role]);
    await page.reload();
    await expect(page.getByTestId("active-team")).toHaveText(target.team_name);
  });

  test("signing out ends the session", async ({ page }) => {
    const person = await personWith((p) => p.teams.some((t) => t.role === "READ_ONLY"));
    await signIn(page, person.email);
    await page.getByRole("button", { name: /^Account:/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\?reason=signed-out/);
    await expect(page.getByRole("status")).toHaveText("You have signed out.");
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("after the access token expires a reload still works, in two tabs at once", async ({
    context,
  }) => {
    const person = await personWith((p) => p.teams.some((t) => t.role === "INITIATOR"));
    const first = await context.newPage();
    await signIn(first, person.email);
    const second = await context.newPage();
    await second.goto("/");
    await expect(second.getByTestId("viewer-name")).toHaveText(person.name);

    await pastAccessTokenLifetime();
    await first.reload();
    await expect(first.getByTestId("viewer-name")).toHaveText(person.name);

    // Both tabs refresh at the same moment: one refresh must happen, or Jiko revokes the grant.
    await pastAccessTokenLifetime();
    await Promise.all([first.reload(), second.reload()]);
    await expect(first.getByTestId("viewer-name")).toHaveText(person.name);
    await expect(second.getByTestId("viewer-name")).toHaveText(person.name);

    await pastAccessTokenLifetime();
    await first.reload();
    await expect(first.getByTestId("viewer-name")).toHaveText(person.name);
    await expect(first.getByTestId("customer-name")).toBeVisible();
  });

  test("when Jiko revokes the grant the next load goes to sign-in, not an error page", async ({
    page,
  }) => {
    const person = await personWith((p) => p.teams.length === 1 && p.teams[0]!.role === "ADMIN");
    await signIn(page, person.email);
    expect(await revokeGrants(person.email)).toBeGreaterThan(0);
    await pastAccessTokenLifetime();
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("button", { name: "Sign in with Jiko" })).toBeVisible();
    await expect(page.getByText(/could not load|went wrong/i)).toHaveCount(0);
  });

  test("a revoked but unexpired token also ends the session cleanly", async ({ page }) => {
    const person = await personWith(
      (p) => p.teams.length === 1 && p.teams[0]!.role === "READ_ONLY",
    );
    await signIn(page, person.email);
    await revokeGrants(person.email);
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByText(/could not load|went wrong/i)).toHaveCount(0);
  });

  test("a session that ends as a transfer is sent: sign-in brings the form back as it was, sent once", async ({
    page,
  }) => {
    const person = await personWith((p) =>
      p.teams.some((t) => t.role === "INITIATOR" && t.team_name === TEAM),
    );
    await signInTo(page, person.email, TEAM);
    // The transfer each request names: a resend must name the first one's.
    const named: string[] = [];
    page.on("request", (req) => {
      if (req.method() === "POST" && new URL(req.url()).pathname === "/api/transfer-requests") {
        named.push((req.postDataJSON() as { transfer: { id: string } }).transfer.id);
      }
    });
    await page.goto("/transfers/new");
    await selectByLabelStart(page, "From pocket", POCKET);
    await selectByLabelStart(page, "Payee", "Atlas Fleet Equipment Inc.");
    const memo = `Kept through sign-in ${Date.now()}`;
    await page.getByLabel("Amount (USD)").fill("1,234.56");
    await page.getByLabel("Memo (optional)").fill(memo);
    await page.getByRole("button", { name: "Review transfer" }).click();
    const send = page.getByTestId("transfer-review").getByRole("button", {
      name: "Request transfer",
    });
    await expect(send).toBeEnabled();

    // Jiko ends the session while the person reads the transfer back.
    await sessionEndsAsSent(page, person.email, send, "/transfers/new");

    const restored = page.getByRole("status").filter({ hasText: "as you left it" });
    await expect(restored).toBeVisible();
    await expect(page.getByLabel("Amount (USD)")).toHaveValue("1,234.56");
    await expect(page.getByLabel("Memo (optional)")).toHaveValue(memo);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Review transfer" }).click();
    await send.click();
    await expect(requestRow(page, memo)).toHaveCount(1);
    expect(named).toHaveLength(2);
    expect(named[1]).toBe(named[0]);
    expect(await keptDrafts(page)).toEqual([]);

    // Sent: the form is blank the next time.
    await page.goto("/transfers/new");
    await expect(page.getByLabel("Memo (optional)")).toHaveValue("");
    await expect(restored).toHaveCount(0);

    // A draft does not outlive signing out, even for the same person in the same tab.
    await page.getByLabel("Memo (optional)").fill("Left behind at sign-out");
    await page.getByRole("button", { name: /^Account:/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\?reason=signed-out/);
    await page.getByRole("button", { name: "Sign in with Jiko" }).click();
    await completePortalLogin(page, person.email, { teamName: TEAM });
    await page.goto("/transfers/new");
    await expect(page.getByLabel("Amount (USD)")).toBeVisible();
    await expect(page.getByLabel("Memo (optional)")).toHaveValue("");
    await expect(restored).toHaveCount(0);
  });

  test("a session that ends as a denial is sent: the queue opens it again, with the reason", async ({
    browser,
    page,
  }) => {
    test.setTimeout(180_000);
    const sam = await signedInAs(browser, "INITIATOR");
    const memo = `Denied through sign-in ${Date.now()}`;
    await requestTransfer(sam, { memo, payee: "Beacon Harbor Properties LLC", amount: "1,000" });
    const reviewer = await personWith((p) =>
      p.teams.some((t) => t.role === "REVIEWER" && t.team_name === TEAM),
    );
    await signInTo(page, reviewer.email, TEAM);
    await page.goto("/approvals");
    await reviewCard(page, memo).getByRole("button", { name: "Deny" }).click();
    const dialog = page.getByRole("dialog", { name: "Deny this transfer?" });
    const reason = `Duplicate of the November invoice ${Date.now()}`;
    await dialog.getByLabel("Reason").fill(reason);

    // Jiko ends the session while the reviewer writes.
    const deny = dialog.getByRole("button", { name: "Deny request" });
    await sessionEndsAsSent(page, reviewer.email, deny, "/approvals");

    await expect(dialog.getByRole("status")).toContainText("as you left it");
    await expect(dialog.getByLabel("Reason")).toHaveValue(reason);
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Deny request" }).click();
    await expect(reviewCard(page, memo)).toHaveCount(0);
    await expect(requestRow(sam, memo).getByTestId("request-status")).toHaveText("Denied", {
      timeout: 20_000,
    });
    await expect(requestRow(sam, memo)).toContainText(reason);
    expect(await keptDrafts(page)).toEqual([]);

    // Sent: the queue opens nothing the next time.
    await page.reload();
    await expect(page.getByText(/awaiting your decision|Nothing awaits/).first()).toBeVisible();
    await expect(dialog).toHaveCount(0);
  });

  test("a session that ends as an invitation is sent: the team page opens it again, as it was; so does a service user", async ({
    page,
  }) => {
    const admin = await personWith((p) =>
      p.teams.some((t) => t.role === "ADMIN" && t.team_name === TEAM),
    );
    await signInTo(page, admin.email, TEAM);
    await page.goto("/team");
    await page.getByRole("button", { name: "Invite member" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a member" });
    const email = `kept.invite+${Date.now()}@harborline.example`;
    await dialog.getByLabel("First name").fill("Robin");
    await dialog.getByLabel("Last name").fill("Okafor");
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Mobile phone").fill("+14155550142");
    await dialog.getByLabel("Role").selectOption({ label: "Initiator" });

    const send = dialog.getByRole("button", { name: "Send invitation" });
    await sessionEndsAsSent(page, admin.email, send, "/team");

    await expect(dialog.getByRole("status")).toContainText("as you left it");
    await expect(dialog.getByLabel("Email")).toHaveValue(email);
    await expect(dialog.getByLabel("Role")).toHaveValue("INITIATOR");
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`member-${email}`)).toContainText("Initiator");
    expect(await keptDrafts(page)).toEqual([]);

    // Sent: the next opening is blank, and a cancelled one is not kept either.
    await page.reload();
    await expect(page.getByTestId(`member-${email}`)).toBeVisible();
    await expect(dialog).toHaveCount(0);
    await page.getByRole("button", { name: "Invite member" }).click();
    await expect(dialog.getByLabel("Email")).toHaveValue("");
    await dialog.getByLabel("First name").fill("Not kept");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await keptDrafts(page)).toEqual([]);
    await page.reload();
    await expect(page.getByTestId(`member-${email}`)).toBeVisible();
    await expect(dialog).toHaveCount(0);

    // A service user being added is kept the same way: here a reload brings it back.
    await page.getByRole("button", { name: "Add service user" }).click();
    const service = page.getByRole("dialog", { name: "Add a service user" });
    await service.getByLabel("Name").fill("Ledger sync");
    expect(await keptDrafts(page)).toEqual(["treasury-desk:draft:service-user"]);
    await page.reload();
    await expect(service.getByRole("status")).toContainText("as you left it");
    await expect(service.getByLabel("Name")).toHaveValue("Ledger sync");
    await service.getByRole("button", { name: "Cancel" }).click();
    expect(await keptDrafts(page)).toEqual([]);
    await page.reload();
    await expect(page.getByTestId(`member-${email}`)).toBeVisible();
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });

  test("a read the server answers outside Next's router carries what Next would send", async ({
    page,
  }) => {
    const person = await personWith((p) => p.teams.some((t) => t.role === "ADMIN"));
    await signIn(page, person.email);
    // A route's first read goes through Next while the server loads its handler.
    await page.request.get("/api/team");
    const direct = await page.request.get("/api/team");
    const viaNext = await page.request.head("/api/team");
    expect(direct.status()).toBe(200);
    expect(viaNext.status()).toBe(200);
    const kept = (headers: Record<string, string>) => {
      const {
        date: _date,
        vary: _vary,
        "content-length": _length,
        "transfer-encoding": _encoding,
        ...rest
      } = headers;
      return rest;
    };
    // The same security headers, caching, type and session slide, whichever served it…
    expect(kept(direct.headers())).toEqual(kept(viaNext.headers()));
    expect(direct.headers()["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    // …and it was the server: Next marks its route answers with Vary.
    expect(viaNext.headers().vary).toContain("rsc");
    expect(direct.headers().vary).toBeUndefined();
    expect((await direct.json()).member_groups).toEqual(expect.any(Array));
  });
});
