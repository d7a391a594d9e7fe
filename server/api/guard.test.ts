import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ErrorEnvelope } from "@/lib/error-envelope";
import { TEAM_HEADER } from "@/lib/team-binding";
import { JikoError } from "../jiko/errors";
import { ApiError, guarded, MAX_JSON_BYTES, readJson } from "./guard";

const viewer = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("../viewer", () => ({ requestViewer: async () => viewer.current }));
vi.mock("../env", () => ({ env: () => ({ APP_URL: "http://localhost:3000" }) }));

const Body = z.object({ name: z.string() });
const url = "http://localhost:3000/api/things";

/** A body streamed in chunks with no Content-Length, counting how much the reader pulled. */
function streamed(chunk: Uint8Array, times: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled === times) return controller.close();
        pulled++;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const req = new Request(url, { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { req, pulled: () => pulled, cancelled: () => cancelled };
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("readJson", () => {
  it("reads and parses a JSON body under the cap", async () => {
    const req = new Request(url, { method: "POST", body: JSON.stringify({ name: "Payroll" }) });
    expect(await readJson(req, Body)).toEqual({ name: "Payroll" });
  });

  it("refuses a declared Content-Length over 64 KiB without reading the body", async () => {
    const s = streamed(new Uint8Array(1024), 1, { "content-length": String(MAX_JSON_BYTES + 1) });
    const error = await failure(readJson(s.req, Body));
    expect(error.code).toBe("too-large");
    expect(s.pulled()).toBe(0);
  });

  it("stops reading a stream with no length once it passes the cap, and cancels it", async () => {
    // 100 MB offered in 64 KiB chunks: the reader must stop after the second one.
    const s = streamed(new Uint8Array(64 * 1024).fill(0x20), 1600);
    const error = await failure(readJson(s.req, Body));
    expect(error.code).toBe("too-large");
    expect(s.pulled()).toBeLessThanOrEqual(3);
    expect(s.cancelled()).toBe(true);
  });

  it("does not trust a Content-Length that understates the body", async () => {
    const s = streamed(new Uint8Array(16 * 1024).fill(0x20), 10, { "content-length": "10" });
    expect((await failure(readJson(s.req, Body))).code).toBe("too-large");
  });

  it("accepts a body of exactly 64 KiB", async () => {
    const json = JSON.stringify({ name: "" });
    const padded = json + " ".repeat(MAX_JSON_BYTES - json.length);
    const req = new Request(url, { method: "POST", body: padded });
    expect(await readJson(req, Body)).toEqual({ name: "" });
  });

  it("answers 422 for a body that is not JSON or not UTF-8", async () => {
    for (const body of ["{", "", new Uint8Array([0x7b, 0xff, 0x7d])]) {
      const req = new Request(url, { method: "POST", body });
      expect((await failure(readJson(req, Body))).code).toBe("invalid");
    }
  });
});

describe("guarded", () => {
  beforeEach(() => {
    viewer.current = {
      sessionToken: "s-1",
      capabilities: [],
      team: { id: "team-1", name: "Harborline" },
      memberships: [],
    };
  });

  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request(url, {
      method: "POST",
      body,
      headers: { origin: "http://localhost:3000", [TEAM_HEADER]: "team-1", ...headers },
      duplex: "half",
    } as RequestInit);
  const route = { params: Promise.resolve({}) };

  it("passes Jiko's field errors on under their fields, without FastAPI's leading body", async () => {
    const handler = guarded(null, async () => {
      throw new JikoError("invalid", 422, [
        { loc: ["body", "ach", "routing_number"], msg: "Not a valid routing number", type: "x" },
        { loc: ["query", "limit"], msg: "Too large", type: "y" },
      ]);
    });
    const res = await handler(post("{}"), route);
    expect(res.status).toBe(422);
    expect(ErrorEnvelope.parse(await res.json()).error.issues).toEqual([
      { path: "ach.routing_number", message: "Not a valid routing number" },
      { path: "query.limit", message: "Too large" },
    ]);
  });

  it("answers 413 with the error envelope for an oversized body", async () => {
    const handler = guarded(null, async ({ req }) => Response.json(await readJson(req, Body)));
    const res = await handler(post("x".repeat(MAX_JSON_BYTES + 1)), route);
    expect(res.status).toBe(413);
    const envelope = ErrorEnvelope.parse(await res.json());
    expect(envelope.error.code).toBe("too-large");
    expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
  });

  it("marks what a handler returns no-store, unless the handler chose its own caching", async () => {
    // Small JSON is also no-transform: Next sends it uncompressed (json-encoding.ts).
    const plain = guarded(null, async () => Response.json({ ok: true }));
    expect((await plain(new Request(url), route)).headers.get("cache-control")).toBe(
      "no-store, no-transform",
    );

    const empty = guarded(null, async () => new Response(null, { status: 204 }));
    expect((await empty(new Request(url), route)).headers.get("cache-control")).toBe("no-store");

    const own = guarded(null, async () =>
      Response.json({ ok: true }, { headers: { "cache-control": "private, max-age=60" } }),
    );
    expect((await own(new Request(url), route)).headers.get("cache-control")).toBe(
      "private, max-age=60, no-transform",
    );
  });

  it("leaves a large JSON answer without no-transform, for Next to compress", async () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ id: i, title: `Payment ${i}` }));
    const handler = guarded(null, async () => Response.json({ items }));
    const res = await handler(new Request(url), route);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("set-cookie")).toMatch(/^td\.session=s-1;/);
    expect(await res.json()).toEqual({ items });
  });

  it("marks a passed-through upstream response (immutable headers) no-store too", async () => {
    const upstream = Response.redirect("http://localhost:3000/elsewhere", 302);
    const handler = guarded(null, async () => upstream);
    const res = await handler(new Request(url), route);
    expect(res.status).toBe(302);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("slides the session cookie on a signed-in person's reads, whatever the answer", async () => {
    const reads = [
      guarded(null, async () => Response.json({ ok: true })),
      guarded(null, async () => Response.redirect("http://localhost:3000/elsewhere", 302)),
      guarded(null, async () =>
        Response.json({ ok: true }, { headers: { "cache-control": "private, max-age=60" } }),
      ),
      guarded(null, async () => {
        throw new JikoError("rate-limited", 429, "slow down");
      }),
    ];
    for (const read of reads) {
      const cookie = (await read(new Request(url), route)).headers.get("set-cookie");
      expect(cookie).toMatch(/^td\.session=s-1; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    }
  });

  it("leaves the cookie alone on changes and when nobody is signed in", async () => {
    const handler = guarded(null, async () => Response.json({ ok: true }));
    expect((await handler(post("{}"), route)).headers.get("set-cookie")).toBeNull();
    viewer.current = null;
    const res = await handler(new Request(url), route);
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});
