import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import nextConfig from "./next.config";
import { config, proxy } from "./proxy";
import { API_POLICY, HSTS } from "./server/security-headers";

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

  it("gives API answers (which skip the proxy) a policy that loads nothing, from next.config", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const api = rules.find((r) => r.source === "/api/:path*");
    expect(api?.headers).toContainEqual({ key: "Content-Security-Policy", value: API_POLICY });
    expect(API_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
    const everywhere = rules.find((r) => r.source === "/:path*" && !r.has)?.headers ?? [];
    expect(everywhere).toContainEqual({ key: "X-Content-Type-Options", value: "nosniff" });
    expect(everywhere).toContainEqual({ key: "Referrer-Policy", value: "same-origin" });
  });

  it("sends nosniff and a same-origin referrer on pages", () => {
    for (const path of ["/", "/transactions"]) {
      const res = get(`http://localhost:3000${path}`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
    }
  });

  it("sends HSTS over https, never on plain http localhost", () => {
    expect(get("http://localhost:3000/").headers.get("strict-transport-security")).toBeNull();

    const behindTls = get("http://app.internal:3000/", { "x-forwarded-proto": "https" });
    expect(behindTls.headers.get("strict-transport-security")).toBe(HSTS);
    expect(HSTS).toBe("max-age=63072000; includeSubDomains");

    expect(get("https://desk.example.com/team").headers.get("strict-transport-security")).toBe(
      HSTS,
    );

    vi.stubEnv("APP_URL", "https://desk.example.com");
    expect(get("http://desk.example.com/").headers.get("strict-transport-security")).toBe(HSTS);
    // Someone running the app locally with a production APP_URL still browses plain http.
    expect(get("http://localhost:3000/").headers.get("strict-transport-security")).toBeNull();
  });

  it("runs on pages but not on API routes, static files or router prefetches", () => {
    const [rule] = config.matcher;
    const source = new RegExp(`^${rule!.source}$`);
    expect(source.test("/transactions")).toBe(true);
    expect(source.test("/")).toBe(true);
    expect(source.test("/api/pockets")).toBe(false);
    expect(source.test("/api/auth/callback/jiko")).toBe(false);
    expect(source.test("/_next/static/chunks/app.js")).toBe(false);
    expect(rule!.missing.map((m) => m.key)).toEqual(["next-router-prefetch", "purpose"]);
  });
});
