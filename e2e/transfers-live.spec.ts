import { expect, test } from "@playwright/test";
import {
  liveOpen,
  markDocument,
  requestRow,
  requestTransfer,
  reviewCard,
  sameDocument,
  signedInAs,
} from "./transfers-kit";

/**
 * Pages that change by themselves: Jiko's events reach the dashboard by signed webhook (the
 * embedded sandbox is subscribed at start) and open pages over server-sent events. The queue
 * re-reads only once a minute and a list with live updates every 30 s, so what shows here within
 * ten seconds (a loaded CI machine included) came through the event. Named to run after the pockets specs: the approval moves money,
 * and their reconciliation against the ledger reads the balances before any transfer.
 */
const LIVE_MS = 10_000;

test("a reviewer's open queue shows a new request, and the requester sees the approval, without reloading", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const jordan = await signedInAs(browser, "REVIEWER");
  await jordan.goto("/approvals");
  await liveOpen(jordan);
  await markDocument(jordan);

  const sam = await signedInAs(browser, "INITIATOR");
  const memo = `Live ${Date.now()}`;
  await requestTransfer(sam, { memo, payee: "Atlas Fleet Equipment Inc.", amount: "310" });

  const card = reviewCard(jordan, memo);
  await expect(card).toBeVisible({ timeout: LIVE_MS });
  await liveOpen(sam);
  await expect(requestRow(sam, memo).getByTestId("request-status")).toHaveText("Awaiting approval");
  await markDocument(sam);

  await card.getByRole("button", { name: "Approve" }).click();
  await jordan
    .getByRole("dialog", { name: "Approve this transfer?" })
    .getByRole("button", { name: "Approve $310.00" })
    .click();
  await expect(requestRow(sam, memo).getByTestId("request-status")).toHaveText("Approved", {
    timeout: LIVE_MS,
  });
  expect(await sameDocument(sam)).toBe(true);
  expect(await sameDocument(jordan)).toBe(true);
});
