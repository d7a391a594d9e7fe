import { describe, expect, it } from "vitest";
import { record, reserve } from "./pacer";

describe("pacing calls under Jiko's limits", () => {
  it("gives background work up to 60% of a group's per-minute limit, then waits for the window", () => {
    const t0 = 1_000_000;
    expect(reserve("u1", "pockets", 90, t0)).toBe(72); // pockets: 120/min
    expect(reserve("u1", "pockets", 1, t0 + 2_000)).toBe(0);
    expect(reserve("u1", "pockets", 10, t0 + 61_000)).toBe(10);
  });

  it("counts the person's other calls against the same budget", () => {
    const t0 = 3_000_000;
    for (let i = 0; i < 50; i++) record("u4", "pockets", t0);
    expect(reserve("u4", "pockets", 90, t0 + 1)).toBe(22);
  });

  it("counts a reserved call once, when it is made", () => {
    const t0 = 7_000_000;
    expect(reserve("u5", "pockets", 60, t0)).toBe(60);
    for (let i = 0; i < 60; i++) record("u5", "pockets", t0 + 10);
    expect(reserve("u5", "pockets", 90, t0 + 20)).toBe(12);
    // Past the reservations, calls count again.
    for (let i = 0; i < 12; i++) record("u5", "pockets", t0 + 30);
    record("u5", "pockets", t0 + 40);
    expect(reserve("u5", "pockets", 1, t0 + 50)).toBe(0);
    expect(reserve("u5", "pockets", 90, t0 + 61_000)).toBe(72);
  });

  it("counts each person and group apart", () => {
    expect(reserve("u2", "pockets", 72, 5_000_000)).toBe(72);
    expect(reserve("u3", "pockets", 5, 5_000_000)).toBe(5);
    expect(reserve("u2", "team", 5, 5_000_000)).toBe(5);
  });
});
