import { expect, type Locator, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { E2E } from "./env";
import {
  POCKET,
  readRoute,
  requestRow,
  reviewCard,
  selectByLabelStart,
  signedInAs,
} from "./transfers-kit";

/**
 * Moving money under dual authorization, as the people who do it: an initiator and a reviewer in
 * two browsers at once. This file runs last (alphabetical) because its final test moves the
 * sandbox clock forward.
 */
test.describe.configure({ mode: "serial" });

/**
 * The wire the first test requests and approves; the last test settles it. A retry of this serial
 * file runs every test again, so there may be an older "E2E wire" too: the last test follows this
 * run's own.
 */
let approvedWire = "";

test("an initiator asks, a reviewer approves, the initiator sees it move without reloading", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const sam = await signedInAs(browser, "INITIATOR");
  const jordan = await signedInAs(browser, "REVIEWER");
  const memo = `E2E wire ${Date.now()}`;
  approvedWire = memo;

  await sam.goto("/transfers/new");
  await selectByLabelStart(sam, "From pocket", POCKET);
  await selectByLabelStart(sam, "Payee", "Atlas Fleet Equipment Inc.");
  await sam.getByLabel("Amount (USD)").fill("$12,500.50");
  await sam.getByLabel("Memo (optional)").fill(memo);
  await expect(sam.getByTestId("origin-available")).toContainText("available");
  await expectAccessible(sam);
  await sam.getByRole("button", { name: "Review transfer" }).click();
  const review = sam.getByTestId("transfer-review");
  await expect(review).toContainText("Atlas Fleet Equipment Inc.");
  await expect(review).toContainText("$12,500.50");
  await expect(review).toContainText("Wire");
  await expectAccessible(sam);

  // A double click makes one request (the second press is ignored; a resend is proven below).
  await review.getByRole("button", { name: "Request transfer" }).dblclick();
  await expect(sam).toHaveURL(/\/transfers\?view=mine/);
  await expect(requestRow(sam, memo)).toHaveCount(1);
  await expect(requestRow(sam, memo).getByTestId("request-status")).toHaveText("Awaiting approval");
  const id = (await requestRow(sam, memo).getAttribute("data-id"))!;
  // Checked once the confirmation toast has gone (mid-animation it is faint by design).
  await expect(sam.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
  await expectAccessible(sam);

  // A retry of the same body (a lost answer) finds the first request, never a second.
  const team = (await sam.locator("[data-team-id]").first().getAttribute("data-team-id"))!;
  const again = await sam.request.get(`/api/transfer-requests/${id}`);
  const first = (await again.json()) as { transfer: Record<string, unknown>; reviewers: unknown[] };
  const retry = await sam.request.post("/api/transfer-requests", {
    headers: { origin: E2E.appUrl, "x-td-team": team },
    data: { transfer: first.transfer, reviewers: [] },
  });
  expect((await retry.json()).id).toBe(id);
  await sam.reload();
  await expect(requestRow(sam, memo)).toHaveCount(1);

  // The pocket's available balance now holds it back.
  await sam.goto("/pockets");
  const pocketRow = sam.getByRole("row").filter({ hasText: POCKET });
  await expect(pocketRow.getByTestId("pocket-available")).toContainText(/held by \d+ pending/);
  await sam.goto("/transfers?view=mine");

  // The initiator cannot approve their own request, even by calling the route.
  const self = await sam.request.post(`/api/transfer-requests/${id}/decision`, {
    headers: { origin: E2E.appUrl, "x-td-team": team },
    data: { status: "APPROVED" },
  });
  expect(self.status()).toBe(403);

  // The reviewer's queue counts it and shows what to weigh.
  await jordan.goto("/approvals");
  await expect(jordan.getByTestId("awaiting-count")).toBeVisible();
  const item = reviewCard(jordan, memo);
  await expect(item.getByTestId("review-amount")).toHaveText("$12,500.50");
  await expect(item.getByTestId("review-available")).toContainText("→");
  await expect(item.getByTestId("review-history")).toContainText(/Paid \d+ times?|First payment/);
  await expectAccessible(jordan);
  await item.getByRole("button", { name: "Approve" }).click();
  const confirm = jordan.getByRole("dialog", { name: "Approve this transfer?" });
  await expect(confirm).toContainText("$12,500.50");
  await confirm.getByRole("button", { name: "Approve $12,500.50" }).click();
  await expect(reviewCard(jordan, memo)).toHaveCount(0);

  // Sam's page moves on by itself.
  await expect(requestRow(sam, memo).getByTestId("request-status")).toHaveText("Approved", {
    timeout: 20_000,
  });
  await expect(requestRow(sam, memo)).toContainText("Approved by Jordan Patel");
});

test("deny needs a reason the requester reads; a pending request can be cancelled", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const sam = await signedInAs(browser, "INITIATOR");
  const jordan = await signedInAs(browser, "REVIEWER");
  const denied = `Deny me ${Date.now()}`;
  const cancelled = `Cancel me ${Date.now()}`;
  for (const memo of [denied, cancelled]) {
    await sam.goto("/transfers/new");
    await selectByLabelStart(sam, "From pocket", POCKET);
    await selectByLabelStart(sam, "Payee", "Beacon Harbor Properties LLC");
    await sam.getByLabel("Amount (USD)").fill("1,000");
    await sam.getByLabel("Memo (optional)").fill(memo);
    await sam.getByRole("button", { name: "Review transfer" }).click();
    await sam.getByRole("button", { name: "Request transfer" }).click();
    await expect(requestRow(sam, memo)).toHaveCount(1);
  }

  await jordan.goto("/approvals");
  await reviewCard(jordan, denied).getByRole("button", { name: "Deny" }).click();
  const dialog = jordan.getByRole("dialog", { name: "Deny this transfer?" });
  await dialog.getByRole("button", { name: "Deny request" }).click();
  await expect(dialog.getByText(/Say why the request is denied/)).toBeVisible();
  await dialog.getByLabel("Reason").fill("Paid already by check on Nov 28");
  await dialog.getByRole("button", { name: "Deny request" }).click();
  await expect(reviewCard(jordan, denied)).toHaveCount(0);

  await requestRow(sam, cancelled)
    .getByRole("button", { name: /^Cancel request of/ })
    .click();
  await sam
    .getByRole("dialog", { name: "Cancel this request?" })
    .getByRole("button", { name: "Cancel request" })
    .click();
  await expect(requestRow(sam, cancelled).getByTestId("request-status")).toHaveText("Cancelled");
  await expect(requestRow(sam, denied).getByTestId("request-status")).toHaveText("Denied", {
    timeout: 20_000,
  });
  await expect(requestRow(sam, denied)).toContainText("Paid already by check on Nov 28");

  await jordan.goto("/approvals?view=history");
  await expect(requestRow(jordan, denied)).toContainText("Denied by Jordan Patel");
  await expectAccessible(jordan);
});

test("two reviewers approve at the same moment: one wins, the other is told", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const sam = await signedInAs(browser, "INITIATOR");
  const jordan = await signedInAs(browser, "REVIEWER");
  const avery = await signedInAs(browser, "ADMIN");
  const memo = `Race ${Date.now()}`;
  await sam.goto("/transfers/new");
  await selectByLabelStart(sam, "From pocket", POCKET);
  await selectByLabelStart(sam, "Payee", "Beacon Harbor Properties LLC");
  await sam.getByLabel("Amount (USD)").fill("2,000");
  await sam.getByLabel("Memo (optional)").fill(memo);
  await sam.getByRole("button", { name: "Review transfer" }).click();
  await sam.getByRole("button", { name: "Request transfer" }).click();
  await expect(requestRow(sam, memo)).toHaveCount(1);

  const dialogs: Locator[] = [];
  for (const page of [jordan, avery]) {
    await page.goto("/approvals");
    await reviewCard(page, memo).getByRole("button", { name: "Approve" }).click();
    dialogs.push(page.getByRole("dialog", { name: "Approve this transfer?" }));
  }
  await Promise.all(
    dialogs.map((d) => d.getByRole("button", { name: "Approve $2,000.00" }).click()),
  );
  // Exactly one dialog closes with the approval; the other stays, saying it was already decided.
  await expect
    .poll(async () => (await Promise.all(dialogs.map((d) => d.isVisible()))).filter(Boolean).length)
    .toBe(1);
  const loser = (await dialogs[0]!.isVisible()) ? dialogs[0]! : dialogs[1]!;
  await expect(loser.getByRole("alert")).toContainText(/already approved|no longer pending/i);
});

test("more than the available balance is refused with the figure shown", async ({ browser }) => {
  const sam = await signedInAs(browser, "INITIATOR");
  await sam.goto("/transfers/new");
  await selectByLabelStart(sam, "From pocket", POCKET);
  await selectByLabelStart(sam, "Payee", "Atlas Fleet Equipment Inc.");
  await sam.getByLabel("Amount (USD)").fill("999,999,999");
  await sam.getByLabel("Memo (optional)").fill("Too much");
  await sam.getByRole("button", { name: "Review transfer" }).click();
  const review = sam.getByTestId("transfer-review");
  await expect(review.getByRole("alert")).toContainText(/More than the \$[\d,]+\.\d\d available/);
  await expect(review.getByRole("button", { name: "Request transfer" })).toBeDisabled();

  // "Everything available" needs no amount: the review names what it comes to today.
  await review.getByRole("button", { name: "Back to edit" }).click();
  await sam.getByLabel(/^Everything available/).check();
  await expect(sam.getByLabel("Amount (USD)")).toBeDisabled();
  await sam.getByRole("button", { name: "Review transfer" }).click();
  await expect(review).toContainText(
    /Everything available: \$[\d,]+\.\d\d today, fixed when approved/,
  );
  await expect(review.getByRole("button", { name: "Request transfer" })).toBeEnabled();

  // The route refuses it too, under the amount field, with the figure.
  const team = (await sam.locator("[data-team-id]").first().getAttribute("data-team-id"))!;
  const pockets = (await (await sam.request.get("/api/pockets/available")).json()) as {
    items: { pocketId: string; pocketName: string }[];
  };
  const from = pockets.items.find((p) => p.pocketName === POCKET)!.pocketId;
  const payees = (await (await sam.request.get("/api/counterparties?status=VERIFIED")).json()) as {
    items: { id: string; name: string }[];
  };
  const to = payees.items.find((p) => p.name === "Atlas Fleet Equipment Inc.")!.id;
  const res = await sam.request.post("/api/transfer-requests", {
    headers: { origin: E2E.appUrl, "x-td-team": team },
    data: {
      transfer: {
        id: crypto.randomUUID(),
        type: "WIRE",
        origin_pocket_id: from,
        counterparty_id: to,
        amount: { type: "REQUESTED_AMOUNT", amount_usdc: 99_999_999_900 },
      },
      reviewers: [],
    },
  });
  expect(res.status()).toBe(422);
  const body = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
  expect(body.error.issues[0]).toMatchObject({
    path: "transfer.amount.amount_usdc",
    message: expect.stringMatching(/^More than the \$[\d,]+\.\d\d available in Operating Reserve/),
  });
});

test("the controls report shows each person's part, an admin's refused self-approval, and exports it", async ({
  browser,
}) => {
  const avery = await signedInAs(browser, "ADMIN");
  // An admin may both request and review, but never decide their own request.
  const team = (await avery.locator("[data-team-id]").first().getAttribute("data-team-id"))!;
  const headers = { origin: E2E.appUrl, "x-td-team": team };
  const pockets = await readRoute<{ items: { pocketId: string; pocketName: string }[] }>(
    avery,
    "/api/pockets/available",
  );
  const from = pockets.items.find((p) => p.pocketName === POCKET)!.pocketId;
  const to = pockets.items.find((p) => p.pocketName !== POCKET)!.pocketId;
  const made = await avery.request.post("/api/transfer-requests", {
    headers,
    data: {
      transfer: {
        id: crypto.randomUUID(),
        type: "ON_US",
        origin_pocket_id: from,
        amount: { type: "REQUESTED_AMOUNT", amount_usdc: 50_000 },
        details: { type: "INTERNAL_REALLOCATION", destination_pocket_id: to },
        description: "Admin's own request",
      },
      reviewers: [],
    },
  });
  expect(made.status()).toBe(201);
  const own = await avery.request.post(
    `/api/transfer-requests/${(await made.json()).id}/decision`,
    {
      headers,
      data: { status: "APPROVED" },
    },
  );
  expect(own.status()).toBe(403);
  expect((await own.json()).error.message).toMatch(/You made this request/);

  await avery.goto("/approvals?view=controls");
  const jordan = avery.getByTestId("controls-row").filter({ hasText: "Jordan Patel" });
  await expect(jordan.locator('[data-label="Approved"]')).not.toHaveText("0");
  const self = avery.getByTestId("controls-row").filter({ hasText: "Avery Chen" });
  await expect(self.locator('[data-label="Own decisions refused"]')).toHaveText("1");
  await expectAccessible(avery);
  const download = avery.waitForEvent("download");
  await avery.getByRole("button", { name: /Export CSV/ }).click();
  const file = await (await download).path();
  const text = await import("node:fs/promises").then((fs) => fs.readFile(file!, "utf8"));
  expect(text.split("\r\n")[0]).toBe(
    "member_id,name,requested,approved,denied,cancelled,expired,self_decisions_refused,median_minutes_to_decide",
  );
  expect(text).toMatch(/,Avery Chen,\d+,\d+,\d+,\d+,\d+,1,/);
  expect(text).toMatch(/,TOTAL,/);
});

test("an approved transfer settles with its trades once its day runs; a pending one expires", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const sam = await signedInAs(browser, "INITIATOR");
  await sam.goto("/transfers?view=mine");
  expect(approvedWire, "the first test of this file requests the wire").not.toBe("");
  const approved = requestRow(sam, approvedWire);
  await expect(approved.getByTestId("request-status")).toHaveText("Approved");
  const pending = sam.getByTestId("request-row").and(sam.locator('[data-status="PENDING"]'));
  const waiting = await pending.count();
  expect(waiting).toBeGreaterThan(0);

  // Four days on: the wire's day has run (bills sold, money out) and 72 hours have passed.
  const res = await fetch(`${E2E.apiUrl}/_sandbox/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ days: 4 }),
  });
  expect(res.ok).toBe(true);
  await sam.reload();
  await expect(approved.getByTestId("transfer-status")).toHaveText("Settled");
  await expect(sam.locator('[data-status="PENDING"]')).toHaveCount(0);
  await expect(sam.getByTestId("request-status").filter({ hasText: "Expired" })).toHaveCount(
    waiting,
  );

  // The wire left the pocket and settled; the engine sold bills that day to pay it.
  await sam.goto("/transactions?type=WIRE");
  const wire = sam.getByTestId("transaction-row").filter({ hasText: "12,500.50" });
  await expect(wire.first()).toContainText("Settled");
  const clock = (await (await fetch(`${E2E.apiUrl}/_sandbox/clock`)).json()) as { today: string };
  await sam.goto(`/trades?from=${addDays(clock.today, -4)}&to=${clock.today}`);
  await expect(sam.getByTestId("trade-row").filter({ hasText: "Sell" }).first()).toBeVisible();
});

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
