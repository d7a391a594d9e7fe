import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { API_POLICY, config, HSTS, proxy } from "./proxy";

const get = (url: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(url, { headers }));

afterEach(() => vi.unstubAllEnvs());

describe("security headers", () => {
  it("gives pages a nonce policy that the request carries to Next", () => {
    const res = get("http://localhost:3000/pockets");
    const policy = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
  });

  it("gives API answers a policy that loads nothing", () => {
    const res = get("http://localhost:3000/api/pockets");
    expect(res.headers.get("content-security-policy")).toBe(API_POLICY);
    expect(API_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("sends nosniff and a same-origin referrer on pages and API answers", () => {
    for (const path of ["/", "/transactions", "/api/saved-views"]) {
      const res = get(`http://localhost:3000${path}`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
    }
  });

  it("sends HSTS over https, never on plain http localhost", () => {
    expect(get("http://localhost:3000/").headers.get("strict-transport-security")).toBeNull();
    expect(
      get("http://localhost:3000/api/pockets").headers.get("strict-transport-security"),
    ).toBeNull();

    const behindTls = get("http://app.internal:3000/", { "x-forwarded-proto": "https" });
    expect(behindTls.headers.get("strict-transport-security")).toBe(HSTS);
    expect(HSTS).toBe("max-age=63072000; includeSubDomains");

    expect(
      get("https://desk.example.com/api/pockets").headers.get("strict-transport-security"),
    ).toBe(HSTS);

    vi.stubEnv("APP_URL", "https://desk.example.com");
    expect(get("http://desk.example.com/").headers.get("strict-transport-security")).toBe(HSTS);
    // Someone running the app locally with a production APP_URL still browses plain http.
    expect(get("http://localhost:3000/").headers.get("strict-transport-security")).toBeNull();
  });

  it("runs on API routes but not on static files or router prefetches", () => {
    const [rule] = config.matcher;
    const source = new RegExp(`^${rule!.source}$`);
    expect(source.test("/api/pockets")).toBe(true);
    expect(source.test("/transactions")).toBe(true);
    expect(source.test("/_next/static/chunks/app.js")).toBe(false);
    expect(rule!.missing.map((m) => m.key)).toEqual(["next-router-prefetch", "purpose"]);
  });
});
