import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { TeamResponse } from "@/lib/jiko/team";
import { JikoError } from "./errors";
import { jikoRequest } from "./http";
import { nodeGet } from "./node-get";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: Server[] = [];

/** A local server answering with `handler`; its base URL and the sockets it saw. */
async function serve(handler: Handler) {
  const sockets = new Set<unknown>();
  const server = createServer((req, res) => {
    sockets.add(req.socket);
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const init = (signal = new AbortController().signal) => ({
  headers: { accept: "application/json", authorization: "Bearer t" },
  signal,
});
const json = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

describe("nodeGet", () => {
  it("sends the headers, reads the whole answer and reuses the connection", async () => {
    const seen: (string | undefined)[] = [];
    const { base, sockets } = await serve((req, res) => {
      seen.push(req.headers.authorization);
      json(res, 200, { n: seen.length }, { "x-request-id": "r-1" });
    });
    const first = await nodeGet(`${base}/a`, init());
    expect(first.ok).toBe(true);
    expect(first.headers.get("X-Request-Id")).toBe("r-1");
    expect(first.headers.get("retry-after")).toBeNull();
    expect(await first.json()).toEqual({ n: 1 });
    expect(await (await nodeGet(`${base}/a`, init())).json()).toEqual({ n: 2 });
    expect(seen).toEqual(["Bearer t", "Bearer t"]);
    expect(sockets.size).toBe(1);
  });

  it("answers a refusal as it came, with its status and headers", async () => {
    const { base } = await serve((_req, res) =>
      json(res, 429, { detail: "Too many requests" }, { "retry-after": "7" }),
    );
    const res = await nodeGet(`${base}/a`, init());
    expect([res.ok, res.status, res.statusText]).toEqual([false, 429, "Too Many Requests"]);
    expect(res.headers.get("Retry-After")).toBe("7");
    expect(await res.json()).toEqual({ detail: "Too many requests" });
  });

  it("asks for compression and decodes a gzipped answer, whatever the coding's case", async () => {
    const { base } = await serve((req, res) => {
      const coding = req.url === "/upper" ? "GZIP" : "gzip";
      res.writeHead(200, { "content-type": "application/json", "content-encoding": coding });
      res.end(gzipSync(JSON.stringify({ asked: req.headers["accept-encoding"] })));
    });
    for (const p of ["/a", "/upper"]) {
      expect(await (await nodeGet(`${base}${p}`, init())).json()).toEqual({
        asked: "gzip, deflate, br",
      });
    }
  });

  it("follows a redirect within the origin, and not one to another origin", async () => {
    const other = await serve((_req, res) => json(res, 200, { where: "other" }));
    const { base } = await serve((req, res) => {
      if (req.url === "/moved") res.writeHead(307, { location: "/here/" }).end();
      else if (req.url === "/away") res.writeHead(302, { location: `${other.base}/x` }).end();
      else json(res, 200, { where: req.url, auth: req.headers.authorization });
    });
    expect(await (await nodeGet(`${base}/moved`, init())).json()).toEqual({
      where: "/here/",
      auth: "Bearer t",
    });
    const away = await nodeGet(`${base}/away`, init());
    expect([away.status, away.headers.get("location")]).toEqual([302, `${other.base}/x`]);
    expect(other.sockets.size).toBe(0);
  });

  it("stops at once when its signal aborts mid-answer, failing with the signal's reason", async () => {
    const { base } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"items": [');
    });
    const controller = new AbortController();
    const read = nodeGet(`${base}/a`, init(controller.signal));
    setTimeout(() => controller.abort(new DOMException("late", "TimeoutError")), 50);
    await expect(read).rejects.toMatchObject({ name: "TimeoutError", message: "late" });
  });

  it("fails an unreachable server as a network error", async () => {
    const { base } = await serve(() => {});
    for (const server of servers.splice(0)) await new Promise((r) => server.close(r));
    await expect(nodeGet(`${base}/a`, init())).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});

describe("a JSON read through nodeGet", () => {
  const team = {
    team_id: "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
    team_name: "Harborline Treasury",
    member_groups: [],
    object_type: "Team",
  };

  it("is parsed with the contract's schema, and retried after a 503", async () => {
    let calls = 0;
    const { base } = await serve((_req, res) => {
      calls += 1;
      if (calls === 1) json(res, 503, { detail: "Service Unavailable" });
      else json(res, 200, team);
    });
    const answer = await jikoRequest(
      { baseUrl: base, timeoutMs: 2_000, sleep: async () => {} },
      { method: "GET", path: "/api/v1/team/", accessToken: "t" },
      TeamResponse,
    );
    expect(answer).toEqual(team);
    expect(calls).toBe(2);
  });

  it("fails as Jiko not answering when the answer does not come in time", async () => {
    const { base } = await serve(() => {});
    const error = await jikoRequest(
      { baseUrl: base, timeoutMs: 100, budgetMs: 400, sleep: async () => {} },
      { method: "GET", path: "/api/v1/team/", accessToken: "t" },
      TeamResponse,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JikoError);
    expect(error).toMatchObject({ code: "unavailable", detail: "Jiko did not answer in time" });
  });
});
