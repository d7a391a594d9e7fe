import "server-only";
import type { Counterparty, CounterpartyQuery } from "@/lib/jiko/counterparties";
import type { Transaction } from "@/lib/jiko/transactions";
import type { TransferRequest, TransferRequestQuery } from "@/lib/jiko/transfers";
import type { JikoClient } from "../jiko";

interface Page<T> {
  items: T[];
  next_page: string | null;
}

/** Every item of a cursor list, bounded so a runaway cursor stops. */
export async function walk<T>(page: (cursor?: string) => Promise<Page<T>>, maxPages: number) {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const list = await page(cursor);
    items.push(...list.items);
    if (!list.next_page) break;
    cursor = list.next_page;
  }
  return items;
}

/** A customer keeps tens of payees, not thousands: ten pages of 100 is the bound. */
export const allCounterparties = (
  jiko: JikoClient,
  q: Omit<CounterpartyQuery, "cursor" | "limit"> = {},
): Promise<Counterparty[]> =>
  walk((cursor) => jiko.counterparties({ ...q, cursor, limit: 100 }), 10);

/** Transfer requests newest first, up to 2,000 of them (the queue's benchmark holds 500). */
export const allTransferRequests = (
  jiko: JikoClient,
  q: Omit<TransferRequestQuery, "cursor" | "limit"> = {},
): Promise<TransferRequest[]> =>
  walk((cursor) => jiko.transferRequests({ ...q, cursor, limit: 100 }), 20);

/**
 * Money sent in the last 13 months, for payee histories: outgoing wires, on-us and ACH
 * transactions (a year of weekly payments is a few pages).
 */
export function recentPayments(jiko: JikoClient, now = new Date()): Promise<Transaction[]> {
  const from = new Date(now.getTime() - 396 * 86_400_000).toISOString();
  return walk(
    (cursor) =>
      jiko.transactions({
        direction: "DEBIT",
        "type[]": ["WIRE", "ON_US", "ACH"],
        time_booked_from: from,
        cursor,
        limit: 100,
      }),
    10,
  );
}
