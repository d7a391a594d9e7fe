/**
 * What becomes true as the sandbox clock runs, emitted when it does: transfer requests expiring,
 * payees verified, transfers settling, reports ready. Reads elsewhere may materialize the same
 * changes first; each change is one conditional UPDATE … RETURNING, so it is emitted once.
 */
import { lte } from "drizzle-orm";
import type { EventType } from "../../lib/jiko/events";
import type { SandboxDb } from "../db/open";
import { customers, scheduledEvents } from "../db/schema";
import type { SandboxClock } from "../ledger/clock";
import { materialize } from "../transfers/counterparties";
import { expireDue } from "../transfers/requests";
import { type NewNotification, notify } from "./notify";
import { emitEvent } from "./store";
import { settleDue } from "./transfer-events";

export async function sweepDue(db: SandboxDb, clock: SandboxClock) {
  const now = await clock.now();
  await db.transaction(async (tx) => {
    for (const { id } of await tx.select({ id: customers.id }).from(customers)) {
      await expireDue(tx, id, now);
      await materialize(tx, id, now);
    }
    await settleDue(tx, now);
    const due = await tx.delete(scheduledEvents).where(lte(scheduledEvents.dueAt, now)).returning();
    for (const s of due) {
      await emitEvent(tx, {
        customerId: s.customerId,
        type: s.type as EventType,
        payload: s.payload,
      });
      if (s.notification) await notify(tx, [s.notification as unknown as NewNotification], now);
    }
  });
}
