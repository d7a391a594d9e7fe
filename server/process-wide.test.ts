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
