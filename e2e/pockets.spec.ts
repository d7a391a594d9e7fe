import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { E2E } from "./env";
import { signIn } from "./portal";
import { personWith } from "./sandbox";

interface EodPoint {
  date: string;
  total: number;
}

/** The sandbox ledger's end-of-day values for a pocket (its own route, for tests). */
async function ledgerValue(pocketId: string): Promise<EodPoint> {
  const clock = (await (await fetch(`${E2E.apiUrl}/_sandbox/clock`)).json()) as { today: string };
  const res = await fetch(
    `${E2E.apiUrl}/_sandbox/pockets/${pocketId}/eod?from=${clock.today}&to=${clock.today}`,
  );
  const { items } = (await res.json()) as { items: EodPoint[] };
  return items.at(-1)!;
}

/** Earnings over [from, to] by the ledger: EOD(to) − EOD(from − 1) − net flows in between. */
async function ledgerEarnings(pocketId: string, from: string, to: string): Promise<number> {
  const before = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const sandbox = (path: string) => fetch(`${E2E.apiUrl}/_sandbox/pockets/${pocketId}/${path}`);
  const eod = (await (await sandbox(`eod?from=${before}&to=${to}`)).json()) as {
    items: EodPoint[];
  };
  const flows = (await (await sandbox(`flows?from=${from}&to=${to}`)).json()) as {
    items: { kind: string; amount: number }[];
  };
  const at = (d: string) => eod.items.find((i) => i.date === d)?.total ?? 0;
  const net = flows.items.reduce((s, f) => s + (f.kind === "WITHDRAWAL" ? -f.amount : f.amount), 0);
  return at(to) - at(before) - net;
}

const dollars = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);

test.describe
  .serial("pockets", () => {
    test("an admin opens, renames and closes a pocket, with the rules explained first", async ({
      page,
    }) => {
      const admin = await personWith(
        (p) =>
          p.teams.length === 1 &&
          p.teams[0]!.role === "ADMIN" &&
          p.teams[0]!.team_name === "Harborline Treasury",
      );
      await signIn(page, admin.email);
      await page.getByRole("link", { name: "Pockets" }).click();
      await page.getByRole("button", { name: "Open a pocket" }).click();
      const dialog = page.getByRole("dialog", { name: "Open a pocket" });
      await dialog.getByRole("button", { name: "Open pocket" }).click();
      await expect(dialog.getByText("Give the pocket a name")).toBeVisible();
      await dialog.getByLabel("Name").fill("Acquisition reserve");
      await dialog.getByLabel("Invest deposits in").selectOption("UST-13W");
      await dialog.getByRole("button", { name: "Open pocket" }).click();
      await expect(
        page.getByRole("heading", { level: 1, name: /Acquisition reserve/ }),
      ).toBeVisible();
      await expect(page.getByTestId("pocket-value")).toHaveText("$0.00");

      await page.getByRole("button", { name: "Rename" }).click();
      await page.getByRole("dialog").getByLabel("Name").fill("Acquisition reserve 2027");
      await page.getByRole("dialog").getByRole("button", { name: "Save name" }).click();
      await expect(
        page.getByRole("heading", { level: 1, name: /Acquisition reserve 2027/ }),
      ).toBeVisible();

      await page.getByRole("button", { name: "Close pocket" }).click();
      const close = page.getByRole("dialog", { name: /Close Acquisition reserve 2027/ });
      await expect(close).toContainText("only when it is empty and another pocket stays open");
      // Without a reason the close button stays disabled.
      await expect(close.getByRole("button", { name: "Close pocket" })).toBeDisabled();
      await close
        .getByLabel("Why are you closing it?")
        .selectOption({ label: "Consolidating pockets" });
      await close.getByRole("button", { name: "Close pocket" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Closed");

      // A pocket with money in it cannot be closed: the page says why before anyone tries.
      await page.goto("/pockets");
      await page.getByRole("link", { name: "Payroll (13-week)" }).click();
      await page.getByRole("button", { name: "Close pocket" }).click();
      await expect(page.getByRole("dialog")).toContainText("The pocket must be empty");
      await expect(
        page.getByRole("dialog").getByRole("button", { name: "Close pocket" }),
      ).toBeDisabled();
    });

    test("values on the pocket page equal the sandbox ledger; account numbers stay masked until revealed", async ({
      page,
    }) => {
      const initiator = await personWith((p) => p.teams.some((t) => t.role === "INITIATOR"));
      await signIn(page, initiator.email);
      await page.goto("/pockets");
      await page.getByRole("link", { name: "Operating Reserve (4-week)" }).click();
      await page.waitForURL(/\/pockets\/[0-9a-f-]{36}$/);
      const pocketId = new URL(page.url()).pathname.split("/").at(-1)!;
      const eod = await ledgerValue(pocketId);
      await expect(page.getByTestId("pocket-value")).toHaveText(dollars(eod.total));

      const account = page.getByTestId("account-number").first();
      await expect(account).toHaveText(/^•••• \d{4}$/);
      await page.getByRole("button", { name: "Reveal account numbers" }).click();
      await expect(account).toHaveText(/^\d{8,17}$/);
      await expectAccessible(page);
    });

    test("the pocket's earnings chart equals the ledger day by day and adds up to Jiko's total", async ({
      page,
    }) => {
      await signIn(
        page,
        (await personWith((p) => p.teams.some((t) => t.role === "READ_ONLY"))).email,
      );
      await page.goto("/pockets");
      await page.getByRole("link", { name: "Tax Reserve (26-week)" }).click();
      await page.waitForURL(/\/pockets\/[0-9a-f-]{36}$/);
      const pocketId = new URL(page.url()).pathname.split("/").at(-1)!;
      const card = page.getByRole("region", { name: "Earnings" });
      const total = card.getByTestId("earnings-total");
      const rowsOf = async () => {
        await card.getByRole("button", { name: "Show as table" }).click();
        return card
          .getByTestId("pocket-earnings-table")
          .locator("tbody tr")
          .evaluateAll((trs) =>
            trs.map((tr) => ({
              from: tr.getAttribute("data-from")!,
              to: tr.getAttribute("data-to")!,
              shown: tr.querySelector("td")!.textContent!,
            })),
          );
      };
      const cents = (text: string) => Math.round(Number(text.replace(/[$,]/g, "")) * 100);

      // Month to date, by business day: each bar is the ledger's figure for its days.
      await expect(card.getByText(/^(1 business day|\d+ business days)$/)).toBeVisible();
      const days = await rowsOf();
      expect(days.length).toBeGreaterThan(0);
      for (const d of days) {
        expect(d.shown, `${d.from}..${d.to}`).toBe(
          dollars(await ledgerEarnings(pocketId, d.from, d.to)),
        );
      }
      expect(dollars(days.reduce((s, d) => s + cents(d.shown), 0))).toBe(await total.textContent());

      // All time, by month: the months add up to Jiko's all-time total.
      await card.getByText("All time", { exact: true }).click();
      await expect(card.getByText(/^\d+ months$/)).toBeVisible({ timeout: 60_000 });
      const months = await rowsOf();
      expect(months.length).toBeGreaterThan(20);
      expect(dollars(months.reduce((s, d) => s + cents(d.shown), 0))).toBe(
        await total.textContent(),
      );
      await expectAccessible(page);
    });

    test("a read-only member sees no pocket actions and the server refuses them", async ({
      page,
    }) => {
      const readOnly = await personWith((p) =>
        p.teams.some((t) => t.role === "READ_ONLY" && t.member_status === "ACTIVE"),
      );
      await signIn(page, readOnly.email);
      await page.goto("/pockets");
      await expect(page.getByRole("button", { name: "Open a pocket" })).toHaveCount(0);
      await expectAccessible(page);
      await page.getByRole("link", { name: "Operating Reserve (4-week)" }).click();
      await page.waitForURL(/\/pockets\/[0-9a-f-]{36}$/);
      await expect(page.getByTestId("pocket-value")).toBeVisible();
      await expect(page.getByRole("button", { name: "Rename" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Reveal account numbers" })).toHaveCount(0);
      const pocketId = new URL(page.url()).pathname.split("/").at(-1)!;

      const headers = { origin: E2E.appUrl };
      expect(
        (
          await page.request.patch(`/api/pockets/${pocketId}`, {
            headers,
            data: { pocket_name: "Mine now" },
          })
        ).status(),
      ).toBe(403);
      expect(
        (
          await page.request.post("/api/pockets", {
            headers,
            data: { pocket_name: "X", trading_strategy_id: "UST-4W" },
          })
        ).status(),
      ).toBe(403);
      expect((await page.request.get(`/api/pockets/${pocketId}/portals?reveal=1`)).status()).toBe(
        403,
      );
    });
  });

test("the overview's monthly earnings and balance history equal the sandbox ledger", async ({
  page,
}) => {
  // The history fills in slices under Jiko's rate limit: about a minute for two years of four pockets.
  test.setTimeout(180_000);
  const admin = await personWith(
    (p) =>
      p.teams.length === 1 &&
      p.teams[0]!.role === "ADMIN" &&
      p.teams[0]!.team_name === "Harborline Treasury",
  );
  await signIn(page, admin.email);
  await expect(page.getByTestId("total-value")).toBeVisible();
  await expect(page.getByText(/^\d+ months$/)).toBeVisible({ timeout: 150_000 }); // history complete
  await page.getByRole("button", { name: "Show as table" }).first().click();
  const table = page.getByTestId("earnings-table");
  const rows = table.locator("tbody tr");
  const month = (await rows.nth((await rows.count()) - 2).getAttribute("data-month"))!; // last closed month
  const shown = await table.locator(`tr[data-month="${month}"] td`).first().textContent();

  // The same month from the ledger: end-of-day value at the month's end, less the previous
  // month's end, less the money moved in and out during the month, summed over open pockets.
  const ids = await page
    .locator('a[href^="/pockets/"]')
    .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")!.split("/").at(-1)!))]);
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  let cents = 0;
  for (const id of ids) cents += await ledgerEarnings(id, `${month}-01`, last);
  expect(shown).toBe(dollars(cents));

  // Balance history: every month end (and today) is the sum of the open pockets' end-of-day
  // values in the ledger, although the dashboard derived it from earnings and transactions.
  await expect(page.getByText(/^\d+ month ends and today$/)).toBeVisible();
  await page.getByRole("button", { name: "Show as table" }).first().click();
  const balances = page.getByTestId("balance-table").locator("tbody tr");
  const shownBalances = await balances.evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute("data-date")!, tr.querySelector("td")!.textContent!]),
  );
  expect(shownBalances.length).toBeGreaterThan(12);
  const from = shownBalances[0]![0]!;
  const to = shownBalances.at(-1)![0]!;
  const ledger = new Map<string, number>();
  for (const id of ids) {
    const eod = (await (
      await fetch(`${E2E.apiUrl}/_sandbox/pockets/${id}/eod?from=${from}&to=${to}`)
    ).json()) as { items: { date: string; total: number }[] };
    for (const i of eod.items) ledger.set(i.date, (ledger.get(i.date) ?? 0) + i.total);
  }
  expect(shownBalances).toEqual(shownBalances.map(([d]) => [d, dollars(ledger.get(d!) ?? -1)]));
  await expectAccessible(page);
});

test("the earnings period lives in the URL, and a custom range out of bounds names its field", async ({
  page,
}) => {
  await signIn(page, (await personWith((p) => p.teams.some((t) => t.role === "READ_ONLY"))).email);
  await page.goto("/pockets");
  await page.getByRole("link", { name: "Tax Reserve (26-week)" }).click();
  await page.waitForURL(/\/pockets\/[0-9a-f-]{36}$/);
  const pocketId = new URL(page.url()).pathname.split("/").at(-1)!;
  const card = page.getByRole("region", { name: "Earnings" });
  const radio = (name: string) => card.getByRole("radio", { name, exact: true });
  await expect(radio("Month to date")).toBeChecked();

  // A choice survives a reload; Back returns to the one before.
  await card.getByText("Year to date", { exact: true }).click();
  await expect(page).toHaveURL(/\?period=ytd$/);
  await page.reload();
  await expect(radio("Year to date")).toBeChecked();
  await expect(card.getByTestId("earnings-total")).toBeVisible();
  await card.getByText("All time", { exact: true }).click();
  await expect(page).toHaveURL(/\?period=all$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?period=ytd$/);
  await expect(radio("Year to date")).toBeChecked();
  await page.goBack();
  await expect(radio("Month to date")).toBeChecked();

  // A custom range ending in the future is refused under "To", naming the allowed span.
  await card.getByText("Custom", { exact: true }).click();
  await card.getByLabel("From", { exact: true }).fill("2026-01-05");
  await card.getByLabel("To", { exact: true }).fill("2099-01-01");
  await expect(
    card.getByText(/^To must be between 2000-01-01 and today \(\d{4}-\d\d-\d\d, New York\)$/),
  ).toBeVisible();
  await expect(page).toHaveURL(/period=custom&from=2026-01-05&to=2099-01-01/);
  // Before the pocket opened: the route refuses it (422, naming "from"), shown under "From".
  await card.getByLabel("From", { exact: true }).fill("2000-01-03");
  await card.getByLabel("To", { exact: true }).fill("2000-02-01");
  await expect(
    card.getByText(/^From must be on or after \d{4}-\d\d-\d\d, the day the pocket opened$/),
  ).toBeVisible();
  const res = await page.request.get(
    `/api/pockets/${pocketId}/earnings?period=range&from=2026-01-05&to=2099-01-01`,
  );
  expect(res.status()).toBe(422);
  const body = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
  expect(body.error.issues.map((i) => i.path)).toEqual(["to"]);
  await expectAccessible(page);
});
