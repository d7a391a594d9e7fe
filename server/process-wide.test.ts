import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { processWide } from "./process-wide";

describe("process-wide state", () => {
  it("is created once per name, whichever copy of a module asks", async () => {
    const create = vi.fn(() => new Map<string, number>());
    const first = processWide("test:counts", create);
    // A second copy of the same module, as Next's other layer loads it.
    vi.resetModules();
    const again = await import("./process-wide");
    const second = again.processWide("test:counts", create);
    expect(second).toBe(first);
    expect(create).toHaveBeenCalledTimes(1);
    expect(processWide("test:other", () => new Map())).not.toBe(first);
  });
});

/**
 * Module-level collections in server code that may differ between Next's copies of a module:
 * constants, and caches of values that are the same whichever copy computes them.
 */
const PER_COPY_IS_FINE = new Map([
  ["server/crypto.ts", "derived keys: the same key from the same secret"],
  ["server/jiko/refresh.ts", "Jiko's discovery document, the same for every copy"],
  ["server/jiko/http.ts", "a constant set of statuses"],
  ["server/viewer.ts", "a constant set of actions"],
  ["server/viewer-cache.ts", "a constant set of error codes (the cache itself is on globalThis)"],
]);

function serverSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return serverSources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("server modules", () => {
  it("keep what must be one per process in processWide, not in a module-level collection", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const found = serverSources(path.join(root, "server"))
      .map((file) => path.relative(root, file).split(path.sep).join("/"))
      .filter((file) =>
        /^(?:export )?(?:const|let) \w+(?::[^=]+)? = new (?:Map|Set|WeakMap|WeakSet)\b/m.test(
          readFileSync(path.join(root, file), "utf8"),
        ),
      )
      .filter((file) => !PER_COPY_IS_FINE.has(file));
    expect(found).toEqual([]);
  });
});
