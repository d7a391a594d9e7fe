import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiClientError, apiGet, failureOf, lazySchemas } from "./api-client";

const Count = z.object({ count: z.number() });

function answer(status: number, body: unknown) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("apiGet with a schema loaded on demand", () => {
  it("checks the answer with the schema the loader brings", async () => {
    answer(200, { count: 3 });
    const schema = lazySchemas(async () => ({ Count }));
    await expect(apiGet("/api/x", schema("Count"))).resolves.toEqual({ count: 3 });
    answer(200, { count: "3" });
    await expect(apiGet("/api/x", schema("Count"))).rejects.toThrow();
  });

  it("says the server cannot be reached when the schema cannot load", async () => {
    answer(200, { count: 3 });
    const failing = async (): Promise<typeof Count> => {
      throw new Error("chunk failed to load");
    };
    const error = await apiGet("/api/x", failing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect((error as ApiClientError).code).toBe("unavailable");
  });

  it("turns a failed answer into its envelope's error, without waiting for the schema", async () => {
    answer(409, { error: { code: "conflict", message: "Already decided." } });
    const never = () => new Promise<typeof Count>(() => {});
    const error = await apiGet("/api/x", never).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "conflict", message: "Already decided.", status: 409 });
  });
});

describe("failureOf", () => {
  it("reads the envelope, or names an internal failure when there is none", async () => {
    await expect(
      failureOf(422, {
        error: { code: "invalid", message: "Bad", issues: [{ path: "a", message: "m" }] },
      }),
    ).resolves.toMatchObject({
      code: "invalid",
      status: 422,
      issues: [{ path: "a", message: "m" }],
    });
    await expect(failureOf(502, "<html>")).resolves.toMatchObject({
      code: "internal",
      status: 502,
    });
  });
});
