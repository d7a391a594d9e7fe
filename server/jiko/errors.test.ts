import { describe, expect, it, vi } from "vitest";
import { JikoError } from "./errors";

describe("JikoError", () => {
  it("is recognised whichever copy of the module made it, as Next's two layers do", async () => {
    vi.resetModules();
    const other = await import("./errors");
    expect(other.JikoError).not.toBe(JikoError);
    const fromOtherLayer = new other.JikoError("reauth-required", 401, "Jiko refused the refresh");
    expect(fromOtherLayer).toBeInstanceOf(JikoError);
    expect(fromOtherLayer instanceof JikoError && fromOtherLayer.code).toBe("reauth-required");
    expect(new JikoError("unavailable", 503, "away")).toBeInstanceOf(other.JikoError);
  });

  it("is not claimed by other errors", () => {
    expect(new Error("boom")).not.toBeInstanceOf(JikoError);
    expect(
      Object.assign(new Error("x"), { name: "JikoError", code: "forbidden" }),
    ).not.toBeInstanceOf(JikoError);
    expect(JikoError[Symbol.hasInstance](null)).toBe(false);
    expect(JikoError[Symbol.hasInstance]("jiko")).toBe(false);
  });
});
