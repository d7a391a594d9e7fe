import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { REVEAL_ON_ARRIVAL } from "./reveal-on-arrival";

// React's own reveal scripts, read from the React DOM server that Next renders pages with.
const serverCode = readFileSync(
  createRequire(import.meta.url).resolve(
    "next/dist/compiled/react-dom/cjs/react-dom-server.node.production.js",
  ),
  "utf8",
);
const SHELL_TIME = "requestAnimationFrame(function(){$RT=performance.now()});";
function revealScript(): string {
  const start = serverCode.indexOf("$RB=[];$RV=function");
  if (start === -1) throw new Error("React's reveal script ($RV/$RC) is not where it was");
  return serverCode.slice(start, serverCode.indexOf("'", start)).replaceAll("\\n", "\n");
}

/**
 * A page in a bare browser-like global: the first paint happens (the shell's frame), then a
 * section's content arrives and React's `$RC` is called for it. Returns how the reveal was
 * scheduled.
 */
function sectionArrivesAfterFirstPaint(withOurScript: boolean) {
  const frames: (() => void)[] = [];
  const timers: number[] = [];
  const node = () => ({
    parentNode: { removeChild() {}, insertBefore() {} },
    previousSibling: { data: "$?" },
    firstChild: null,
  });
  const page = vm.createContext({
    performance: { now: () => 1_000 },
    requestAnimationFrame: (f: () => void) => frames.push(f),
    setTimeout: (_f: () => void, ms: number) => timers.push(ms),
    document: { getElementById: node },
  });
  vm.runInContext("var window = this;", page);
  if (withOurScript) vm.runInContext(REVEAL_ON_ARRIVAL, page);
  expect(serverCode).toContain(SHELL_TIME);
  vm.runInContext(SHELL_TIME, page);
  for (const frame of frames.splice(0)) frame();
  vm.runInContext(revealScript(), page);
  vm.runInContext('$RC("B:0","S:0")', page);
  return { frames: frames.length, timers };
}

describe("sections revealed on arrival", () => {
  it("React alone holds a section that arrives after the first paint for 300 ms", () => {
    // What the script is for; if React stops doing this, the script can go.
    expect(sectionArrivesAfterFirstPaint(false)).toEqual({ frames: 0, timers: [300] });
  });

  it("with the script, the section is revealed at the next frame", () => {
    expect(sectionArrivesAfterFirstPaint(true)).toEqual({ frames: 1, timers: [] });
  });
});
