import { sleep } from "./processes";

/**
 * Waits until the earnings history that a team's first sign-in started filling is complete (the
 * overview's history route says so), at most `maxMs`, and says how long it waited. The fill
 * runs once per team, in the background, for about a minute on the seeded company; the embedded
 * Jiko answers one call at a time, so a page or an export timed meanwhile measures the fill's
 * reads as much as its own (a one-page list took 80 ms instead of 10 during it). A figure about
 * a page or a route waits for it; the first minute of a new team is its own case.
 */
export async function historyFilled(
  app: string,
  cookie: string,
  o: { label?: string; maxMs?: number } = {},
): Promise<void> {
  const { label = "", maxMs = 300_000 } = o;
  const t0 = performance.now();
  while (performance.now() - t0 < maxMs) {
    const res = await fetch(`${app}/api/overview/history`, { headers: { cookie } });
    if (res.ok && ((await res.json()) as { complete?: boolean }).complete) {
      const waited = ((performance.now() - t0) / 1000).toFixed(0);
      console.info(`${label}waited ${waited} s for the team's history fill to finish`);
      return;
    }
    // Every few seconds: each poll reads Jiko too, within the person's rate budget.
    await sleep(5_000);
  }
  console.warn(`${label}the history was still filling after ${maxMs / 1000} s: measuring anyway`);
}

/** The `cookie` header of a signed-in browser context, for the server's own routes. */
export const cookieHeader = (cookies: { name: string; value: string }[]) =>
  cookies.map((c) => `${c.name}=${c.value}`).join("; ");
