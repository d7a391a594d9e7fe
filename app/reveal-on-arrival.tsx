import { headers } from "next/headers";

/**
 * React's streaming renderer holds back a section that arrives after the page's first paint until
 * 300 ms after that paint, to batch reveals (its `$RC` script waits for `$RT + 300`, `$RT` being
 * the time of the first paint). A treasury page's figures are what a person opened it for, and a
 * section holds a skeleton of its own size, so each is shown at the next frame after its data
 * arrives instead: `$RT` never holds a number, which is the path React's script already takes for
 * a section that completes before the first paint. `$RT` is React's internal name: should a React
 * release drop it, sections go back to React's batching, and app/reveal-on-arrival.test.tsx fails.
 */
export const REVEAL_ON_ARRIVAL =
  'Object.defineProperty(window,"$RT",{configurable:true,get:function(){},set:function(){}});';

export async function RevealOnArrival() {
  // The page's policy allows inline scripts with this response's nonce only (proxy.ts).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of ours, no input in it.
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: REVEAL_ON_ARRIVAL }} />;
}
