import { describe, expect, it } from "vitest";
import { queryKeys } from "@/lib/query-keys";
import { JikoError } from "./jiko";
import { sectionState } from "./section-state";

const failing = (code: "unavailable" | "rate-limited" | "forbidden", status: number) => {
  const calls = { count: 0 };
  const queryFn = async () => {
    calls.count += 1;
    throw new JikoError(code, status, "Jiko said no", { retryAfterSeconds: 20 });
  };
  return { calls, queryFn };
};

describe("sectionState", () => {
  it("hands the section's data to the browser under the key its hook reads", async () => {
    const state = await sectionState((client) =>
      client.prefetchQuery({
        queryKey: queryKeys.team(),
        queryFn: async () => ({ team_name: "T" }),
      }),
    );
    expect(state.queries).toHaveLength(1);
    expect(state.queries[0]!.queryKey).toEqual(queryKeys.team());
    expect(state.queries[0]!.state.data).toEqual({ team_name: "T" });
  });

  it("Jiko not answering fails the section at once, unretried, with Jiko's error", async () => {
    const { calls, queryFn } = failing("unavailable", 503);
    const started = Date.now();
    await expect(
      sectionState((client) =>
        Promise.all([
          client.prefetchQuery({ queryKey: queryKeys.overview(), queryFn }),
          client.prefetchQuery({ queryKey: queryKeys.customer(), queryFn: async () => ({}) }),
        ]),
      ),
    ).rejects.toMatchObject({ code: "unavailable" });
    expect(calls.count).toBe(1);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("Jiko asking to wait fails the section with the wait it asked for", async () => {
    const { queryFn } = failing("rate-limited", 429);
    await expect(
      sectionState((client) => client.prefetchQuery({ queryKey: queryKeys.pockets(), queryFn })),
    ).rejects.toMatchObject({ code: "rate-limited", retryAfterSeconds: 20 });
  });

  it("any other failure stays with the section's hook: nothing thrown, nothing handed over", async () => {
    const { calls, queryFn } = failing("forbidden", 403);
    const state = await sectionState((client) =>
      client.prefetchQuery({ queryKey: queryKeys.team(), queryFn }),
    );
    expect(calls.count).toBe(1);
    expect(state.queries).toHaveLength(0);
  });
});
