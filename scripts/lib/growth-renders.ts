/**
 * A page's first render as work grows, timed in headless Chromium from navigation start: the
 * first item visible, `want` items drawn, the longest main-thread task, and a route's time when
 * the browser asked for it. Shared by the benchmarks that compare a page at ~10 and ~500 items.
 */
import type { BrowserContext } from "@playwright/test";
import { median } from "./measure";
import { figure } from "./report";

/** The bound on growth: a page at ~500 items within 1.5× its time at ~10. */
export const GROWTH_RATIO = 1.5;

/**
 * Marks, from navigation start, the first `selector` visible (in the viewport too, when
 * `inView`: the queue's cards start at the top, the team's rows may start below the fold) and
 * the moment `__want` exist.
 */
const RENDER_TIMES = (selector: string, inView: boolean) => `
  window.__queue = { first: 0, all: 0, longest: 0 };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__queue.longest = Math.max(window.__queue.longest, e.duration);
  }).observe({ type: "longtask", buffered: true });
  const look = () => {
    const q = window.__queue;
    const want = window.__want ?? Infinity;
    const cards = document.querySelectorAll(${JSON.stringify(selector)});
    const shown = (c) => {
      const r = c.getBoundingClientRect();
      return r.height > 0 && (!${inView} || r.top < innerHeight) && c.checkVisibility();
    };
    // Streamed sections arrive hidden: any of the first rows counts once it shows.
    if (!q.first && [...cards].slice(0, 20).some(shown)) q.first = performance.now();
    if (!q.all && cards.length >= want) q.all = performance.now();
    if (!q.all || !q.first) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
`;

/** One render, timed from navigation start: first item visible, `want` items drawn, the route. */
export interface Render {
  first: number;
  all: number;
  longest: number;
  route?: number;
}

/**
 * A settling load to count what the page draws at once, then N timed loads of it in fresh tabs
 * (the context's HTTP cache is warm after the first).
 */
export async function renders(
  context: BrowserContext,
  o: { app: string; runs: number; path: string; selector: string; route: string; inView: boolean },
): Promise<{ want: number; text: string; loads: Render[] }> {
  const probe = await context.newPage();
  await probe.goto(`${o.app}${o.path}`);
  await probe.locator(o.selector).first().waitFor({ timeout: 120_000 });
  await probe.waitForLoadState("networkidle");
  const want = await probe.locator(o.selector).count();
  const text = (await probe.locator("main").textContent()) ?? "";
  await probe.close();
  const loads: Render[] = [];
  for (let i = 0; i < o.runs; i++) {
    const page = await context.newPage();
    await page.addInitScript(RENDER_TIMES(o.selector, o.inView));
    await page.addInitScript((n) => {
      (window as unknown as { __want: number }).__want = n;
    }, want);
    await page.goto(`${o.app}${o.path}`);
    await page.waitForFunction(
      () => {
        const q = (window as unknown as { __queue: { all: number; first: number } }).__queue;
        return q.all > 0 && q.first > 0;
      },
      null,
      { timeout: 120_000 },
    );
    loads.push(
      await page.evaluate(
        (route) => ({
          ...(window as unknown as { __queue: { first: number; all: number; longest: number } })
            .__queue,
          route: (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
            .filter((r) => r.name.includes(route))
            .map((r) => r.responseEnd - r.startTime)[0],
        }),
        o.route,
      ),
    );
    await page.close();
  }
  return { want, text, loads };
}

export const ms = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
export const med = (loads: Render[], k: "first" | "all" | "longest" | "route") =>
  median(loads.map((l) => l[k]).filter((x): x is number => x !== undefined));

/** Rows for one page at both sizes: first item visible and every item drawn, large over small. */
export function growthRows(
  what: string,
  small: { want: number; loads: Render[]; size: number },
  large: { want: number; loads: Render[]; size: number },
) {
  const o = (k: "first" | "all") => ({
    baseline: med(small.loads, k),
    baselineLabel: `same at ${small.size} items`,
    ratioMax: GROWTH_RATIO,
  });
  return [
    figure(`${what} at ${large.size} items: first item visible`, med(large.loads, "first"), "ms", {
      ...o("first"),
    }),
    figure(
      `${what} at ${large.size} items: its first ${large.want} items drawn`,
      med(large.loads, "all"),
      "ms",
      { ...o("all"), baselineLabel: `same at ${small.size} items (${small.want} drawn)` },
    ),
  ];
}
