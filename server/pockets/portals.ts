import "server-only";
import { type MaskedPortal, maskAccountNumber } from "@/lib/pockets";
import type { JikoClient } from "../jiko";

/**
 * A pocket's portals (routing and account numbers for incoming ACH and wires) as the browser
 * gets them: account numbers masked unless `reveal` (the caller checks the person may, and
 * records that they did).
 */
export async function pocketPortals(
  jiko: JikoClient,
  pocketId: string,
  reveal: boolean,
): Promise<{ items: MaskedPortal[] }> {
  const { portals } = await jiko.portals(pocketId);
  return {
    items: portals.map((p) => ({
      ...p,
      account_number: reveal ? p.account_number : maskAccountNumber(p.account_number),
      revealed: reveal,
    })),
  };
}
