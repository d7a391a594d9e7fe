import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "@/sandbox/server";
import { passwordTokens, registerTestClient } from "@/sandbox/testing/oauth-client";
import { createJikoClient } from "../jiko/client";
import type { Viewer } from "../viewer";
import { awaitingCount, buildReviewQueue } from "./review-queue";

const TEAM = "Harborline Treasury";
let sandbox: Sandbox;
let viewer: Viewer;

beforeAll(async () => {
  sandbox = await startSandbox({ apiPort: 0, portalPort: 0 });
  const people = (await (await fetch(`${sandbox.apiUrl}/_sandbox/people`)).json()) as {
    items: { email: string; teams: { team_id: string; team_name: string; role: string }[] }[];
  };
  const reviewer = people.items.find((p) =>
    p.teams.some((t) => t.team_name === TEAM && t.role === "REVIEWER"),
  )!;
  const { access_token } = await passwordTokens({
    portalUrl: sandbox.portalUrl,
    client: await registerTestClient(sandbox.portalUrl),
    email: reviewer.email,
    teamId: reviewer.teams.find((t) => t.team_name === TEAM)!.team_id,
  });
  const jiko = createJikoClient(
    { baseUrl: sandbox.apiUrl, timeoutMs: 5_000 },
    {
      get: async () => ({ accessToken: access_token, refreshToken: null, expiresAt: 0, scope: "" }),
    },
  );
  const user = await jiko.user();
  // The queue reads only who the viewer is at Jiko and their client.
  viewer = { jiko, memberId: user.member_id, role: user.role } as unknown as Viewer;
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
