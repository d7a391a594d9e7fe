import { describe, expect, it } from "vitest";
import type { TransferRequest } from "@/lib/jiko/transfers";
import type { Viewer } from "../viewer";
import { forgetPendingRequests, pendingRequests, recentPendingRequests } from "./pending-requests";

let customers = 0;

/** A viewer whose Jiko answers one page of pending requests, counting the calls it gets. */
function viewerWithJiko(answer: () => Promise<{ items: unknown[]; next_page: null }>) {
  const calls = { n: 0 };
  const viewer = {
    customerId: `customer-${++customers}`,
    memberId: "member-1",
    jiko: {
      transferRequests: (q: { status?: string }) => {
        expect(q.status).toBe("PENDING");
        calls.n++;
        return answer();
      },
    },
  } as unknown as Viewer;
  return { viewer, calls };
}

const page = (...ids: string[]) =>
  Promise.resolve({ items: ids.map((id) => ({ id })), next_page: null as null });
const ids = (list: TransferRequest[]) => list.map((r) => r.id);

describe("the pending list a count may take", () => {
  it("a count just after a read takes its list; the queue's reads always ask Jiko", async () => {
    const { viewer, calls } = viewerWithJiko(() => page("a", "b"));
    expect(ids(await pendingRequests(viewer))).toEqual(["a", "b"]);
    expect(ids(await recentPendingRequests(viewer))).toEqual(["a", "b"]);
    expect(calls.n).toBe(1);
    await pendingRequests(viewer);
    expect(calls.n).toBe(2);
  });

  it("a count asked while a read is under way joins it", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { viewer, calls } = viewerWithJiko(() => gate.then(() => page("a")));
    const read = pendingRequests(viewer);
    const count = recentPendingRequests(viewer);
    release();
    expect(ids(await count)).toEqual(ids(await read));
    expect(calls.n).toBe(1);
  });

  it("a list older than two seconds is read anew", async () => {
    const { viewer, calls } = viewerWithJiko(() => page("a"));
    let now = 1_000_000;
    const clock = () => now;
    await pendingRequests(viewer, clock);
    now += 1_999;
    await recentPendingRequests(viewer, clock);
    expect(calls.n).toBe(1);
    now += 1;
    await recentPendingRequests(viewer, clock);
    expect(calls.n).toBe(2);
  });

  it("a request made, cancelled or decided drops the team's lists, and only that team's", async () => {
    const team = viewerWithJiko(() => page("a"));
    const other = viewerWithJiko(() => page("z"));
    await Promise.all([pendingRequests(team.viewer), pendingRequests(other.viewer)]);
    forgetPendingRequests(team.viewer.customerId);
    await Promise.all([recentPendingRequests(team.viewer), recentPendingRequests(other.viewer)]);
    expect([team.calls.n, other.calls.n]).toEqual([2, 1]);
  });

  it("a failed read is never handed to a count", async () => {
    let fail = true;
    const { viewer, calls } = viewerWithJiko(() =>
      fail ? Promise.reject(new Error("Jiko is away")) : page("a"),
    );
    await expect(pendingRequests(viewer)).rejects.toThrow("Jiko is away");
    fail = false;
    expect(ids(await recentPendingRequests(viewer))).toEqual(["a"]);
    expect(calls.n).toBe(2);
  });
});
