import { describe, expect, it } from "vitest";
import { SEED_POCKETS } from "../seed";
import { networkAddressOf } from "./network-address";

describe("networkAddressOf", () => {
  it("gives every seeded pocket its own 12-digit address, the same on every call", () => {
    const ids = Object.values(SEED_POCKETS);
    const addresses = ids.map(networkAddressOf);
    for (const a of addresses) expect(a).toMatch(/^\d{12}$/);
    expect(new Set(addresses).size).toBe(ids.length);
    expect(ids.map(networkAddressOf)).toEqual(addresses);
  });

  it("keeps leading zeros (always 12 characters)", () => {
    const many = Array.from({ length: 2_000 }, (_, i) =>
      networkAddressOf(`00000000-0000-4000-8000-${String(i).padStart(12, "0")}`),
    );
    expect(many.every((a) => a.length === 12)).toBe(true);
    expect(many.some((a) => a.startsWith("0"))).toBe(true);
  });
});
