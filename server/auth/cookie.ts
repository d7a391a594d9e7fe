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
