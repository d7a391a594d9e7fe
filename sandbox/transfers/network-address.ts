/**
 * A pocket's Jiko network address (JikoNet guide: 12 digits, shown under Transfers > Receive money
 * > Jiko network details). The sandbox derives it from the pocket id, so it is the same on every
 * reseed and needs no column: the first 48 bits of SHA-256(pocket id) modulo 10^12.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/open";
import { pockets } from "../db/schema";

export function networkAddressOf(pocketId: string): string {
  const hex = createHash("sha256").update(`jikonet:${pocketId}`).digest("hex").slice(0, 12);
  return String(BigInt(`0x${hex}`) % 1_000_000_000_000n).padStart(12, "0");
}

export type PocketRow = typeof pockets.$inferSelect;

/** The OPEN pocket with this address, or undefined (closed pockets receive nothing). */
export async function openPocketAtAddress(
  db: DbOrTx,
  address: string,
): Promise<PocketRow | undefined> {
  const open = await db.select().from(pockets).where(eq(pockets.status, "OPEN"));
  return open.find((p) => networkAddressOf(p.id) === address);
}
