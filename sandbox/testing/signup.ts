/**
 * Test helper: accepts an invitation over HTTP like a person would (the link from the outbox →
 * password, if asked → the SMS code shown on the page → "You're all set").
 */
import { type PageStep, PortalBrowser, sandboxCodeOf } from "./portal-browser";

const formAction = (html: string, suffix: "" | "/verify") =>
  [...html.matchAll(/<form method="post" action="(\/signup\/[^"]+)"/g)]
    .map((m) => m[1]!)
    .find((a) => (suffix ? a.endsWith(suffix) : !/\/(verify|restart)$/.test(a)));

async function page(browser: PortalBrowser, url: string, form?: Record<string, string>) {
  let res = await browser.request(url, form ? { form } : {});
  let current = url;
  for (let hops = 0; hops < 5 && res.status >= 300 && res.status < 400; hops++) {
    current = new URL(res.headers.get("location")!, current).toString();
    res = await browser.request(current);
  }
  return { status: res.status, url: current, html: await res.text() } satisfies PageStep;
}

/**
 * Follows an invitation link to the end. `password` is typed (twice) when the page asks for one.
 * Returns the last page (the "You're all set" page on success); throws if a step is missing.
 */
export async function acceptInvitation(o: {
  link: string;
  password?: string;
  browser?: PortalBrowser;
}): Promise<PageStep> {
  const browser = o.browser ?? new PortalBrowser();
  const start = await page(browser, o.link);
  if (start.status !== 200) return start;
  const action = formAction(start.html, "");
  if (!action) throw new Error("no sign-up form on the invitation page");
  const asksPassword = /name="password"/.test(start.html);
  if (asksPassword && !o.password) throw new Error("the invitation page asks for a password");
  const verify = await page(
    browser,
    new URL(action, start.url).toString(),
    asksPassword ? { password: o.password!, confirm_password: o.password! } : {},
  );
  const code = sandboxCodeOf(verify.html);
  const verifyAction = formAction(verify.html, "/verify");
  if (!code || !verifyAction) return verify;
  return page(browser, new URL(verifyAction, verify.url).toString(), { code });
}
