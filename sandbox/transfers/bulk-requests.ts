/**
 * Many PENDING transfer requests at once, for load figures of the approval queue (a sandbox-only
 * route; Jiko's own create call allows one a second). They belong to the seeded US company, are
 * made by its initiator, go out of its OPEN pockets in turn to its VERIFIED wire payees, with
 * small amounts (every pocket's holds stay within a tenth of its value) and memos like real
 * ones, a few minutes apart and all inside the 72-hour window.
 */
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, lte } from "drizzle-orm";
import { TRANSFER_RULES, TransferSpec } from "../../lib/jiko/transfers";
import type { DbOrTx } from "../db/open";
import { counterparties, members, pocketEod, pockets, transferRequests } from "../db/schema";
import { SEED } from "../seed";
import { payeeStatus } from "./requests";
import { pendingRequestRow } from "./seed-requests";

const MINUTE = 60_000;
const MEMOS = [
  "Invoice ATL-{n}, fleet maintenance",
  "Freight forwarding, invoice FF-{n}",
  "Warehouse lease, unit {n}",
  "Fuel card settlement, statement {n}",
  "Customs brokerage, entry {n}",
  "Insurance premium, policy HL-{n}",
  "Dock equipment parts, PO {n}",
  "Consulting retainer, invoice C-{n}",
];

export class BulkRequestsUnavailable extends Error {}

/** Inserts `count` PENDING requests and returns their ids, oldest first. */
export async function insertPendingRequests(
  db: DbOrTx,
  now: Date,
  count: number,
): Promise<string[]> {
  const o = { customerId: SEED.customers.us, teamId: SEED.teams.us };
  const [initiator] = await db
    .select()
    .from(members)
    .where(
      and(
        eq(members.teamId, o.teamId),
        eq(members.status, "ACTIVE"),
        eq(members.role, "INITIATOR"),
      ),
    )
    .orderBy(asc(members.email))
    .limit(1);
  const own = await db
    .select()
    .from(pockets)
    .where(and(eq(pockets.customerId, o.customerId), eq(pockets.status, "OPEN")))
    .orderBy(asc(pockets.createdAt));
  const payees = (
    await db
      .select()
      .from(counterparties)
      .where(and(eq(counterparties.customerId, o.customerId), eq(counterparties.type, "wire")))
      .orderBy(asc(counterparties.seq))
  ).filter((c) => payeeStatus(c, now) === "VERIFIED");
  if (!initiator || !own.length || !payees.length) {
    throw new BulkRequestsUnavailable(
      "The seeded US company needs an ACTIVE initiator, an OPEN pocket and a VERIFIED wire payee",
    );
  }

  // Per pocket: a tenth of its latest end-of-day value, shared by the requests drawn on it.
  const perPocket = Math.ceil(count / own.length);
  const ceiling = new Map<string, number>();
  for (const p of own) {
    const [e] = await db
      .select({ total: pocketEod.total })
      .from(pocketEod)
      .where(and(eq(pocketEod.pocketId, p.id), lte(pocketEod.date, now.toISOString().slice(0, 10))))
      .orderBy(desc(pocketEod.date))
      .limit(1);
    ceiling.set(p.id, Math.floor((e?.total ?? 0) / 10 / perPocket));
  }

  // Inside the window whatever the count: at most 3 minutes apart, the newest a minute ago.
  const windowMs = (TRANSFER_RULES.expiresAfterHours - 2) * 60 * MINUTE;
  const step = Math.min(3 * MINUTE, Math.floor(windowMs / count));
  const rows = Array.from({ length: count }, (_, i) => {
    const origin = own[i % own.length]!;
    const payee = payees[i % payees.length]!;
    // $150.00 to about $4,900.00, in whole dollars, never above the pocket's share.
    const wanted = (150 + ((i * 7_919) % 4_750)) * 100;
    const amount = Math.max(1, Math.min(wanted, ceiling.get(origin.id)!));
    const memo = MEMOS[i % MEMOS.length]!.replace("{n}", String(20_000 + ((i * 37) % 9_000)));
    const transfer = TransferSpec.parse({
      id: randomUUID(),
      type: "WIRE",
      origin_pocket_id: origin.id,
      counterparty_id: payee.id,
      amount: { type: "REQUESTED_AMOUNT", amount_usdc: amount },
      description: memo,
    });
    const createdAt = new Date(now.getTime() - MINUTE - (count - 1 - i) * step);
    return pendingRequestRow({ ...o, createdBy: initiator.id, transfer, createdAt });
  });
  // In slices: one statement per few hundred rows keeps the parameter count well under the limit.
  for (let i = 0; i < rows.length; i += 200) {
    await db.insert(transferRequests).values(rows.slice(i, i + 200));
  }
  return rows.map((r) => r.id!);
}
