import { describe, expect, it } from "vitest";
import { leaveSmallJsonUncompressed, ONE_ROUND_TRIP_BYTES } from "./json-encoding";

/** A JSON answer of `bytes` bytes, as a handler writes it. */
const answer = (bytes: number, init?: ResponseInit) =>
  Response.json({ items: "x".repeat(Math.max(0, bytes - 12)) }, init);

describe("leaveSmallJsonUncompressed", () => {
  it("marks an answer under one round trip no-transform, keeping its body, status and headers", async () => {
    const original = answer(2_000, {
      status: 201,
      headers: { "cache-control": "no-store", "set-cookie": "td.session=abc; Path=/" },
    });
    const expected = await original.clone().text();
    const res = await leaveSmallJsonUncompressed(original);
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(res.headers.get("set-cookie")).toBe("td.session=abc; Path=/");
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.text()).toBe(expected);
    expect(expected).toHaveLength(2_000);
  });

  it("marks one without caching of its own no-transform alone", async () => {
    const res = await leaveSmallJsonUncompressed(answer(ONE_ROUND_TRIP_BYTES - 1));
    expect(res.headers.get("cache-control")).toBe("no-transform");
  });

  it("leaves a larger answer to be compressed", async () => {
    const original = answer(ONE_ROUND_TRIP_BYTES, { headers: { "cache-control": "no-store" } });
    const expected = await original.clone().text();
    const res = await leaveSmallJsonUncompressed(original);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).toBe(expected);
  });

  it("leaves what is not JSON (a CSV streaming through) and bodiless answers untouched", async () => {
    const csv = new Response(new ReadableStream(), { headers: { "content-type": "text/csv" } });
    expect(await leaveSmallJsonUncompressed(csv)).toBe(csv);
    const empty = new Response(null, { status: 204 });
    expect(await leaveSmallJsonUncompressed(empty)).toBe(empty);
  });
});
