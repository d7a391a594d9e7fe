import { expect, type Response, test } from "@playwright/test";
import { signIn } from "./portal";
import { personWith } from "./sandbox";

/** An admin of one team only: signing in lands on that team's overview. */
const soleAdmin = () => personWith((p) => p.teams.length === 1 && p.teams[0]!.role === "ADMIN");

/**
 * A page's first real figure is in the server's own HTML (with the page when its read is quick,
 * else streamed in its section), so it paints before any script has run: a money figure, or rows
 * of a list.
 */
test("the server's HTML carries every page's first figures: the overview, pockets and team, and the first rows of every list", async ({
  page,
}) => {
  const person = await soleAdmin();
  // The landing overview hydrates what the server sent as it is (no hydration mismatch, which
  // would redraw the page), whenever its history arrives.
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await signIn(page, person.email);
  await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();

  const html = async (path: string) => {
    const res = await page.request.get(path);
    expect(res.status()).toBe(200);
    // The markup only: the same names also travel in the scripts' data for hydration.
    return (await res.text()).replace(/<script\b[\s\S]*?<\/script>/g, "");
  };
  // Signing in landed on the overview: its month- and year-to-date earnings are fresh, so this
  // read costs Jiko one call.
  const overview = await html("/");
  expect(overview).toContain('data-testid="total-value"');
  expect(overview.indexOf("<h1")).toBeLessThan(overview.indexOf('data-testid="total-value"'));
  expect(await html("/pockets")).toContain('data-testid="pockets-total-value"');
  expect(await html("/team")).toMatch(/data-testid="member-[^"]+@/);
  const rows = (await html("/transactions")).match(/data-testid="transaction-row"/g) ?? [];
  // A first screen of rows at least (the list's first page holds more).
  expect(rows.length).toBeGreaterThanOrEqual(10);
  // The other lists and the company page too: no page waits for the browser to ask.
  const firsts: [string, RegExp][] = [
    ["/transfers?view=all", /data-testid="request-row"/],
    ["/approvals", /data-review/],
    ["/approvals?view=history", /data-testid="request-row"/],
    ["/payees", /data-testid="payee-/],
    ["/trades", /data-testid="trade-row"/],
    ["/statements", /data-testid="statement-row"/],
    ["/audit", /data-testid="audit-entry"/],
    ["/company", /data-testid="company-email"/],
    // The new-transfer form with each pocket's available amount to choose from.
    ["/transfers/new", /<select[^>]*id="t-from"[\s\S]*?available<\/option>/],
    ["/settings/webhooks", /data-testid="subscription-/],
  ];
  for (const [path, first] of firsts) expect(await html(path), path).toMatch(first);
  await expect(page.getByTestId("total-value")).toBeVisible();
  expect(errors).toEqual([]);
});

/**
 * The pockets page's response also brings what each pocket has available to send and the
 * strategies a new pocket may use, read once the pockets are in: the browser asks for neither,
 * and the column it fills after hydration matches the server's first markup (no mismatch). A
 * pocket's page brings its account numbers the same way.
 */
test("the pockets page brings the available amounts and strategies with it: no request of the browser's own", async ({
  page,
}) => {
  const person = await soleAdmin();
  await signIn(page, person.email);
  await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
  const errors: string[] = [];
  const asked: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (/^\/api\/(pockets\/(available|[^/]+\/portals)|trading-strategies)$/.test(path))
      asked.push(path);
  });
  await page.goto("/pockets");
  await expect(page.getByTestId("pockets-total-available")).toHaveText(/^\$[\d,]+\.\d\d$/);
  await page.waitForLoadState("networkidle");
  expect(asked).toEqual([]);
  // A pocket's own page brings its masked account numbers, and its manager's strategies, too.
  const href = await page.getByRole("link", { name: "Operating Reserve" }).getAttribute("href");
  await page.goto(href!);
  await expect(page.getByText(/•••• \d{4}/).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(asked).toEqual([]);
  expect(errors).toEqual([]);
});

/**
 * A section streamed after the first paint is revealed as soon as its data is in, not held for
 * React's 300 ms batch (app/reveal-on-arrival.tsx): the inline script that does it runs under the
 * page's script policy (its nonce) on every page.
 */
test("sections are revealed as their data arrives: the script runs under the page's policy", async ({
  page,
}) => {
  const person = await soleAdmin();
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await signIn(page, person.email);
  for (const path of ["/transactions", "/sign-in"]) {
    await page.goto(path);
    const revealedAtOnce = await page.evaluate(
      () => typeof Object.getOwnPropertyDescriptor(window, "$RT")?.get === "function",
    );
    expect(revealedAtOnce, path).toBe(true);
  }
  expect(refused).toEqual([]);
});

/**
 * The production server sends brotli to a browser that takes it: the page itself, compressed as
 * it streams (scripts/lib/response-compression.ts), and the build's scripts, compressed once after
 * the build (scripts/lib/precompressed-assets.ts). Every script of 1 KiB or more that a dashboard
 * page loads arrives so (smaller ones are not worth compressing), and the page runs on them: its
 * invite dialog opens.
 */
test("a page and its scripts arrive brotli-compressed, and the page runs on them", async ({
  page,
}) => {
  const person = await soleAdmin();
  await signIn(page, person.email);
  const scripts: Response[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "script") scripts.push(res);
  });
  const document = await page.goto("/team");
  expect((await document!.allHeaders())["content-encoding"]).toBe("br");
  await page.getByRole("button", { name: "Invite member" }).click();
  await expect(page.getByRole("dialog", { name: "Invite a member" })).toBeVisible();
  // Read from the headers the response came with: a body may be gone by the time it is asked for.
  const sent = scripts.map((res) => ({
    url: res.url(),
    encoding: res.headers()["content-encoding"],
    bytes: Number(res.headers()["content-length"]),
  }));
  expect(sent.filter((s) => s.encoding === "br").length).toBeGreaterThan(3);
  // Only a script under 1 KiB goes as it is: compressing it would save too little.
  expect(sent.filter((s) => s.encoding !== "br" && !(s.bytes < 1024))).toEqual([]);
});
