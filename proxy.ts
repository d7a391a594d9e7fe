import { type NextRequest, NextResponse } from "next/server";
import { PAGE_PATH_HEADER, slideSessionCookie } from "./server/auth/cookie";
import { HSTS } from "./server/security-headers";

/** A page's policy with its nonce. Sign-in posts a form to Jiko's portal: form-action allows it. */
function pagePolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  const portal = process.env.JIKO_ISSUER ? new URL(process.env.JIKO_ISSUER).origin : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (set by components at render) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${portal}`.trim(),
    "frame-ancestors 'none'",
  ].join("; ");
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Served over https: the proxy in front of us says so (x-forwarded-proto), the request came in
 * over TLS, or the public URL is https. Plain http on localhost never gets HSTS: it would pin the
 * browser to https for every local port.
 */
function servedOverHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded === "https" || request.nextUrl.protocol === "https:") return true;
  return (
    !LOCAL_HOSTS.has(request.nextUrl.hostname) && (process.env.APP_URL ?? "").startsWith("https://")
  );
}

/**
 * Security headers on every page: a strict Content Security Policy with a fresh nonce (Next reads
 * the nonce from the request's policy header and puts it on its own scripts, so no other script
 * can run). API answers need no nonce: next.config.ts gives them their headers, and
 * server/api/guard.ts slides the session cookie, without a proxy run per call.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = pagePolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  // The page asked for, so a redirect to sign-in can come back to it (server/viewer.ts).
  headers.set(PAGE_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "same-origin");
  if (servedOverHttps(request)) response.headers.set("Strict-Transport-Security", HSTS);
  slideSessionCookie(request, response);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
