/**
 * The session cookie: an opaque id of a row in `sessions`, HttpOnly, SameSite=Lax, Secure (with
 * the `__Secure-` prefix) whenever the dashboard is served over https. Its own name, distinct
 * from the portal's cookies, which share `localhost` in development (cookies ignore ports).
 * No server-only import: proxy.ts slides it on every request.
 */
export function sessionCookie(appUrl: string | undefined) {
  const secure = (appUrl ?? "").startsWith("https:");
  return {
    name: secure ? "__Secure-td.session" : "td.session",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

/** Request header proxy.ts sets on page requests: the path and query the person asked for. */
export const PAGE_PATH_HEADER = "x-td-path";

interface CookieJar {
  get(name: string): { value: string } | undefined;
}
interface SlidRequest {
  method: string;
  nextUrl: { pathname: string };
  cookies: CookieJar;
}
interface SlidResponse {
  cookies: {
    set(
      name: string,
      value: string,
      options: ReturnType<typeof sessionCookie>["options"] & { maxAge: number },
    ): unknown;
  };
}

/**
 * Keeps the cookie alive as long as the person is active: each page load or data read pushes its
 * expiry to the idle timeout from now. The server decides whether the session itself is still
 * valid (server/auth/session.ts: idle and absolute lifetimes); this only stops the browser from
 * dropping an active session's cookie. Auth.js's own routes set or clear the cookie themselves,
 * and changes (server actions among them) are left alone so a sign-out's clearing always wins.
 */
export function slideSessionCookie(request: SlidRequest, response: SlidResponse): void {
  if (request.method !== "GET" || request.nextUrl.pathname.startsWith("/api/auth/")) return;
  const cookie = sessionCookie(process.env.APP_URL);
  const value = request.cookies.get(cookie.name)?.value;
  if (!value) return;
  const idleMinutes = Number(process.env.SESSION_IDLE_MINUTES) || 60;
  response.cookies.set(cookie.name, value, { ...cookie.options, maxAge: idleMinutes * 60 });
}
