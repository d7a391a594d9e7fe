import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRANSACTION_TYPES } from "../../lib/jiko/transactions";
import { pocketFlows } from "../db/schema";
import { SEED_POCKETS } from "../seed";
import { type Sandbox, startSandbox } from "../server";
import { BASE_FIELDS, COUNTERPARTY, COUNTERPARTY_SQL, DETAILS_NEED_JS_SQL } from "./flow-details";

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ apiPort: 0, portalPort: 0, now: () => new Date("2026-11-30T17:00Z") });
}, 60_000);
afterAll(() => sb?.close());

/** Details of every shape the CSV must tell apart, on every rail and one it does not know. */
const DETAILS: unknown[] = [
  {},
  { company_name: "Stripe" },
  { counterparty_name: "Acme, Inc." },
  { merchant_name: "Café" },
  { company_name: 5 },
  { counterparty_name: null },
  { merchant_name: { name: "x" } },
  { amount: "1.00" },
  { memo: "fine", type: "ACH" },
  [],
  "text",
];

/** The line writer's own test (sandbox/ledger/transactions-csv.ts `lineWriter`), in JS. */
function needsJs(rail: string, details: unknown): boolean {
  if (typeof details !== "object" || details === null || Array.isArray(details)) return true;
  const fields = details as Record<string, unknown>;
  const party = COUNTERPARTY[rail];
  const value = party === undefined ? undefined : fields[party];
  return (
    !(TRANSACTION_TYPES as readonly string[]).includes(rail) ||
    (value !== undefined && value !== null && typeof value !== "string") ||
    (rail === "ACH" && typeof value !== "string") ||
    BASE_FIELDS.some((f) => f in fields)
  );
}

describe("the columns pocket_flows keeps for the CSV", () => {
  it("hold what the line writer reads of each flow's details, on every rail", async () => {
    const rails = [...TRANSACTION_TYPES, "TELEGRAPH"];
    await sb.db.insert(pocketFlows).values(
      rails.flatMap((rail) =>
        DETAILS.map((details) => ({
          pocketId: SEED_POCKETS.operating,
          date: "2026-11-27",
          kind: "DEPOSIT",
          amount: 100,
          description: "flow-details test",
          rail,
          details: details as Record<string, unknown>,
        })),
      ),
    );
    const rows = (
      await sb.db.execute<{
        rail: string;
        details: unknown;
        counterparty: string | null;
        details_need_js: boolean;
      }>(sql`select rail, details, counterparty, details_need_js from pocket_flows
        where description = 'flow-details test'`)
    ).rows;
    expect(rows).toHaveLength(rails.length * DETAILS.length);
    for (const r of rows) {
      const what = `${r.rail} ${JSON.stringify(r.details)}`;
      expect(r.details_need_js, what).toBe(needsJs(r.rail, r.details));
      const party = COUNTERPARTY[r.rail];
      const value = party && typeof r.details === "object" ? (r.details as never)[party] : null;
      if (typeof value === "string" || value === undefined || value === null)
        expect(r.counterparty, what).toBe(value ?? null);
    }
  });

  it("match the expressions flow-details.ts builds today, on every flow (no migration missed)", async () => {
    const [row] = (
      await sb.db.execute<{ n: number; all: number }>(sql`
        select count(*) filter (where counterparty is distinct from (${sql.raw(COUNTERPARTY_SQL)})
          or details_need_js is distinct from (${sql.raw(DETAILS_NEED_JS_SQL)}))::int as n,
          count(*)::int as all
        from pocket_flows`)
    ).rows;
    expect(row?.all).toBeGreaterThan(100);
    expect(row?.n).toBe(0);
  });
});
