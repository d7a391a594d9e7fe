/**
 * The session cookie: an opaque id of a row in `sessions`, HttpOnly, SameSite=Lax, Secure (with
 * the `__Secure-` prefix) whenever the dashboard is served over https. Its own name, distinct
 * from the portal's cookies, which share `localhost` in development (cookies ignore ports).
 * No server-only import: proxy.ts slides it on every page load.
 */
export function sessionCookie(appUrl: string | undefined) {
  const secure = (appUrl ?? "").startsWith("https:");
  return {
    name: secure ? "__Secure-td.session" : "td.session",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

/**
 * The session cookie's value in a Cookie header, read as Next's cookies() reads it (so a page and
 * a route never disagree on who is asking): pairs split on "; ", percent-decoded, a pair that
 * does not decode skipped, the last of the name kept. Undefined when absent or empty. Route
 * handlers read the cookie from their own request with it.
 */
export function sessionCookieIn(cookieHeader: string | null, appUrl: string | undefined) {
  const { name } = sessionCookie(appUrl);
  let found: string | undefined;
  for (const pair of cookieHeader?.split(/; */) ?? []) {
    const at = pair.indexOf("=");
    if (at < 0 || pair.slice(0, at) !== name) continue;
    try {
      found = decodeURIComponent(pair.slice(at + 1));
    } catch {
      // As cookies() does: a value that does not decode is passed over.
    }
  }
  return found || undefined;
}

/** Request header proxy.ts sets on page requests: the path and query the person asked for. */
export const PAGE_PATH_HEADER = "x-td-path";

interface SlidRequest {
  method: string;
  cookies: { get(name: string): { value: string } | undefined };
}
interface SlidResponse {
  headers: Headers;
}

/**
 * The Set-Cookie header that keeps the session cookie `value` for the idle timeout from now. The
 * server decides whether the session itself is still valid (server/auth/session.ts: idle and
 * absolute lifetimes); this only stops the browser from dropping an active session's cookie.
 */
export function slidSessionCookie(value: string): string {
  const { name, options } = sessionCookie(process.env.APP_URL);
  const idleMinutes = Number(process.env.SESSION_IDLE_MINUTES) || 60;
  return [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${idleMinutes * 60}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

/**
 * Keeps the cookie alive as long as the person is active: each page load (proxy.ts) and each data
 * read (server/api/guard.ts) pushes its expiry to the idle timeout from now. Changes (server
 * actions among them) are left alone so a sign-out's clearing always wins.
 */
export function slideSessionCookie(request: SlidRequest, response: SlidResponse): void {
  if (request.method !== "GET") return;
  const value = request.cookies.get(sessionCookie(process.env.APP_URL).name)?.value;
  if (value) response.headers.append("set-cookie", slidSessionCookie(value));
}
