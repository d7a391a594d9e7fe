import { beforeEach, describe, expect, it, vi } from "vitest";

/** Work handed to Next's `after`, run by the test when "the page has been sent". */
const afterWork: (() => Promise<void>)[] = [];
vi.mock("next/server", () => ({ after: (fn: () => Promise<void>) => afterWork.push(fn) }));
const series = { calls: [] as string[], fail: false };
vi.mock("./earnings-series", () => ({
  earningsSeries: async (userId: string, _jiko: unknown, pockets: { id: string }[]) => {
    series.calls.push(`${userId}:${pockets.map((p) => p.id).join(",")}`);
    if (series.fail) throw new Error("Jiko is away");
  },
}));
vi.mock("./all-pockets", () => ({
  allPockets: async () => [
    { id: "p1", status: "OPEN" },
    { id: "p2", status: "CLOSED" },
  ],
}));

const { fillHistoryAfterSignIn } = await import("./history-at-sign-in");
const jiko = {} as never;
const sentPages = async () => {
  for (const work of afterWork.splice(0)) await work();
};

beforeEach(() => {
  series.calls = [];
  series.fail = false;
});

describe("the history fill from sign-in", () => {
  it("starts after the session's first page is sent, for its open pockets, once", async () => {
    fillHistoryAfterSignIn({ sessionToken: "s1", userId: "u1", jiko });
    expect(series.calls).toEqual([]); // nothing while the page is being sent
    await sentPages();
    expect(series.calls).toEqual(["u1:p1"]);
    fillHistoryAfterSignIn({ sessionToken: "s1", userId: "u1", jiko });
    await sentPages();
    expect(series.calls).toEqual(["u1:p1"]);
  });

  it("tries again on the next page when it could not start", async () => {
    series.fail = true;
    fillHistoryAfterSignIn({ sessionToken: "s2", userId: "u2", jiko });
    await sentPages();
    series.fail = false;
    fillHistoryAfterSignIn({ sessionToken: "s2", userId: "u2", jiko });
    await sentPages();
    expect(series.calls).toEqual(["u2:p1", "u2:p1"]);
  });
});
