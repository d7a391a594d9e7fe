import { describe, expect, it } from "vitest";
import { TransferRequestList } from "../../lib/jiko/transfers";
import { call, decide, sb, withTransferSandbox } from "./test-kit";

withTransferSandbox();

const bulk = (body: unknown) =>
  fetch(`${sb.apiUrl}/_sandbox/transfer-requests/bulk`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

/** Every request the API lists, page after page. */
async function listAll() {
  const items: TransferRequestList["items"] = [];
  let cursor: string | null = null;
  do {
    const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const page = TransferRequestList.parse(
      (await call("jordan", "GET", `/api/v1/transfer-requests/?limit=100${q}`)).json,
    );
    items.push(...page.items);
    cursor = page.next_page;
  } while (cursor);
  return items;
}

describe("POST /_sandbox/transfer-requests/bulk", () => {
  it("refuses a count outside 1..2000 or a body that is not JSON, creating nothing", async () => {
    for (const body of [{ count: 0 }, { count: 2_001 }, { count: 1.5 }, { count: "10" }, {}]) {
      const res = await bulk(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect((await res.json()).detail[0].loc).toEqual(["body", "count"]);
    }
    expect((await bulk("{not json")).status).toBe(422);
    expect(await listAll()).toHaveLength(0);
  });

  it("creates exactly `count` pending requests by the initiator, listed by the API and payable", async () => {
    const res = await bulk({ count: 250 });
    expect(res.status).toBe(201);
    const { count, ids } = (await res.json()) as { count: number; ids: string[] };
    expect(count).toBe(250);

    const listed = await listAll();
    expect(listed).toHaveLength(250);
    expect(new Set(listed.map((r) => r.id))).toEqual(new Set(ids));
    expect(new Set(listed.map((r) => r.status))).toEqual(new Set(["PENDING"]));
    expect(new Set(listed.map((r) => r.created_by.name))).toEqual(new Set(["Sam Rivera"]));
    expect(new Set(listed.map((r) => r.transfer.type))).toEqual(new Set(["WIRE"]));
    expect(new Set(listed.map((r) => r.transfer.origin_pocket_id)).size).toBeGreaterThan(1);
    for (const r of listed) {
      expect(r.transfer.description?.length).toBeGreaterThan(10);
      expect(r.amount!.value).toBeGreaterThan(0);
      expect(r.amount!.value).toBeLessThanOrEqual(5_000_00);
    }
    // Minutes apart, newest first.
    const times = listed.map((r) => Date.parse(r.time_created));
    expect(times[0]! - times[1]!).toBeGreaterThanOrEqual(60_000);

    // The holds stay within the balances: the oldest and the newest can both be approved.
    for (const id of [ids[0]!, ids.at(-1)!]) {
      const decided = await decide("jordan", id, "APPROVED");
      expect(decided.status, JSON.stringify(decided.json)).toBe(200);
      expect(decided.json.status).toBe("APPROVED");
    }
  });
});
