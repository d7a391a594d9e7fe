import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "../api/guard";
import { fetchJikoLink, isJikoLink, jikoOrigins } from "./jiko-link";

/** Two real hosts on loopback: one plays Jiko, the other anywhere else. Each counts its hits. */
function host(handler: (path: string) => { status: number; location?: string; body?: string }) {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? "");
    const a = handler(req.url ?? "");
    res.writeHead(a.status, a.location ? { location: a.location } : {});
    res.end(a.body ?? "");
  });
  return { server, seen, url: "" };
}
const listen = (s: Server) =>
  new Promise<string>((resolve) =>
    s.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`),
    ),
  );

const elsewhere = host(() => ({ status: 200, body: "%PDF-elsewhere" }));
const jiko = host((path) =>
  path === "/away"
    ? { status: 307, location: `${elsewhere.url}/doc` }
    : path === "/hop"
      ? { status: 302, location: "/doc" }
      : { status: 200, body: "%PDF-jiko" },
);

beforeAll(async () => {
  jiko.url = await listen(jiko.server);
  elsewhere.url = await listen(elsewhere.server);
});
afterAll(() => {
  jiko.server.close();
  elsewhere.server.close();
});
beforeEach(() => {
  jiko.seen.length = 0;
  elsewhere.seen.length = 0;
});

describe("Jiko's document links", () => {
  it("are the origins of the configured API and issuer URLs", () => {
    const origins = jikoOrigins({
      JIKO_API_URL: "https://api.jiko.io/v1",
      JIKO_ISSUER: "https://auth.jiko.io",
    });
    expect(origins).toEqual(["https://api.jiko.io", "https://auth.jiko.io"]);
    expect(isJikoLink("https://api.jiko.io/documents/x?sig=1", origins)).toBe(true);
    expect(isJikoLink("https://auth.jiko.io/x", origins)).toBe(true);
    for (const other of [
      "https://files.example.com/x",
      "http://api.jiko.io/x",
      "https://api.jiko.io:8443/x",
      "https://api.jiko.io.example.com/x",
      "https://api.jiko.io@example.com/x",
      "file:///etc/passwd",
      "not a url",
    ]) {
      expect(isJikoLink(other, origins), other).toBe(false);
    }
  });

  it("fetch Jiko's own host and follow redirects that stay on it", async () => {
    const res = await fetchJikoLink(`${jiko.url}/hop`, {
      what: "statement",
      timeoutMs: 5_000,
      origins: [jiko.url],
    });
    expect(await res.text()).toBe("%PDF-jiko");
    expect(jiko.seen).toEqual(["/hop", "/doc"]);
  });

  it("refuse a link to another host without fetching it", async () => {
    const refused = fetchJikoLink(`${elsewhere.url}/doc`, {
      what: "report",
      timeoutMs: 5_000,
      origins: [jiko.url],
    });
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ code: "unavailable" });
    expect(elsewhere.seen).toEqual([]);
  });

  it("refuse a redirect to another host without following it", async () => {
    const refused = fetchJikoLink(`${jiko.url}/away`, {
      what: "confirmation",
      timeoutMs: 5_000,
      origins: [jiko.url],
    });
    await expect(refused).rejects.toMatchObject({ code: "unavailable" });
    expect(jiko.seen).toEqual(["/away"]);
    expect(elsewhere.seen).toEqual([]);
  });
});
