/**
 * A browser without JavaScript for the portal's pages: cookies by name (paths ignored, enough for
 * one portal), redirects followed by hand so a test sees every 303, and readers for the forms.
 */

/** A browser without JavaScript: cookies by name (paths ignored), redirects followed by hand. */
export class PortalBrowser {
  readonly cookies = new Map<string, string>();

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const res = await fetch(url, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      redirect: "manual",
      headers: {
        ...(this.cookies.size && {
          cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        }),
        ...(init.form && { "content-type": "application/x-www-form-urlencoded" }),
      },
      body: init.form ? new URLSearchParams(init.form) : undefined,
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k, v] = a.trim().split("=");
        return (
          (k?.toLowerCase() === "expires" && Date.parse(v ?? "") <= Date.now()) ||
          (k?.toLowerCase() === "max-age" && Number(v) <= 0)
        );
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
}

export interface PageStep {
  status: number;
  url: string;
  html: string;
}

/**
 * Follows redirects from `url` until a page (2xx/4xx/5xx) or a redirect to `stopAt` (the client's
 * redirect URI), which is returned as `{redirect}` instead of being fetched.
 */
export async function follow(
  browser: PortalBrowser,
  url: string,
  stopAt: string,
  init?: { form?: Record<string, string> },
): Promise<{ page: PageStep } | { redirect: URL; status: number }> {
  let res = await browser.request(url, init);
  let current = url;
  for (let hops = 0; hops < 10; hops++) {
    const location = res.headers.get("location");
    if (res.status < 300 || res.status >= 400 || !location) {
      return { page: { status: res.status, url: current, html: await res.text() } };
    }
    const next = new URL(location, current);
    if (next.toString().startsWith(stopAt)) return { redirect: next, status: res.status };
    current = next.toString();
    res = await browser.request(current);
  }
  throw new Error("too many redirects");
}

export const formAction = (html: string, step: string) =>
  html.match(new RegExp(`action="(/interaction/[^"/]+/${step})"`))?.[1];
export const hiddenValue = (html: string, name: string) =>
  html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1];
export const alertText = (html: string) =>
  html.match(/role="alert">([^<]*)</)?.[1] ?? html.match(/<h1>([^<]*)<\/h1>/)?.[1] ?? "";

/** Reads the sandbox's on-page code box ("Sandbox: your code is 123456"). */
export const sandboxCodeOf = (html: string) =>
  html.match(/Sandbox: your code is <strong>(\d{6})<\/strong>/)?.[1];
