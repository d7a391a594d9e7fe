import { describe, expect, it } from "vitest";
import { settledWithin } from "./processes";

const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

describe("settledWithin", () => {
  it("answers the promise's value when it settles in time", async () => {
    expect(await settledWithin(Promise.resolve(7), 1_000)).toBe(7);
  });

  it("answers undefined when the promise is slower than the limit", async () => {
    const slow = new Promise<number>((r) => setTimeout(() => r(1), 200));
    expect(await settledWithin(slow, 20)).toBeUndefined();
  });

  it("leaves no timer behind once the promise has settled", async () => {
    const before = timers();
    await settledWithin(Promise.resolve(0), 60_000);
    expect(timers()).toBe(before);
  });
});
