import "server-only";
import { ApiError } from "../api/guard";
import { type Env, env } from "../env";
import { log } from "../log";

/** The hosts Jiko's document links may point to: the Customer API's and the portal's origins. */
export function jikoOrigins(e: Pick<Env, "JIKO_API_URL" | "JIKO_ISSUER"> = env()): string[] {
  return [new URL(e.JIKO_API_URL).origin, new URL(e.JIKO_ISSUER).origin];
}

/** Whether a link is on one of Jiko's origins (scheme, host and port alike). */
export function isJikoLink(link: string | URL, origins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  return ["https:", "http:"].includes(url.protocol) && origins.includes(url.origin);
}

const MAX_REDIRECTS = 3;

/**
 * Fetches a report, statement or confirmation link Jiko handed us. Only Jiko's own origins are
 * ever asked, redirects included (followed by hand, each hop checked): a link anywhere else is
 * refused before any request leaves, so a bad or tampered link cannot make the server fetch
 * another host. Links carry signatures: only their origin is ever logged.
 */
export async function fetchJikoLink(
  link: string | URL,
  o: { what: string; timeoutMs: number; origins?: readonly string[] },
): Promise<Response> {
  const origins = o.origins ?? jikoOrigins();
  const signal = AbortSignal.timeout(o.timeoutMs);
  let url = String(link);
  for (let hop = 0; ; hop++) {
    if (!isJikoLink(url, origins)) {
      log.warn({ what: o.what, origin: originOf(url), hop }, "refused a link outside Jiko's hosts");
      throw new ApiError("unavailable", `Jiko sent a ${o.what} link we do not open. Try again.`);
    }
    const res = await fetch(url, { cache: "no-store", redirect: "manual", signal });
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location && hop < MAX_REDIRECTS) {
      await res.body?.cancel();
      url = new URL(location, url).toString();
      continue;
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      log.warn({ what: o.what, origin: originOf(url), status: res.status }, "a Jiko link failed");
      throw new ApiError(
        "unavailable",
        `Jiko could not give us the ${o.what} just now. Try again.`,
      );
    }
    return res;
  }
}

function originOf(link: string): string {
  try {
    return new URL(link).origin;
  } catch {
    return "(not a URL)";
  }
}
