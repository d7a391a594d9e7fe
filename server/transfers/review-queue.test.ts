import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox/server";
import { sandboxViewer } from "../testing/sandbox-viewer";
import type { Viewer } from "../viewer";
import { awaitingCount, buildReviewQueue } from "./review-queue";

let sandbox: Sandbox;
let viewer: Viewer;

beforeAll(async () => {
  ({ sandbox, viewer } = await sandboxViewer("REVIEWER"));
  // Past one of Jiko's pages of 100: the queue's read walks every page.
  const bulk = await fetch(`${sandbox.apiUrl}/_sandbox/transfer-requests/bulk`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ count: 120 }),
  });
  expect(bulk.status).toBe(201);
}, 120_000);

afterAll(() => sandbox?.close());

describe("the review queue, read from Jiko", () => {
  it("sends the oldest 50 with their context and counts every request awaiting the reviewer", async () => {
    const [head, count] = await Promise.all([buildReviewQueue(viewer, 50), awaitingCount(viewer)]);
    expect(head.total).toBe(count);
    expect(head.total).toBeGreaterThan(120);
    expect(head.items).toHaveLength(50);
    const created = head.items.map((i) => i.request.time_created);
    expect(created).toEqual([...created].sort());
  });

  it("a longer head starts with the shorter one and reaches every request", async () => {
    const [head, all] = await Promise.all([
      buildReviewQueue(viewer, 50),
      buildReviewQueue(viewer, 2_000),
    ]);
    expect(all.items).toHaveLength(all.total);
    expect(all.items.slice(0, 50).map((i) => i.request.id)).toEqual(
      head.items.map((i) => i.request.id),
    );
  });
});
