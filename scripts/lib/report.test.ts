import { describe, expect, it } from "vitest";
import { failed, figure } from "./report";
import { markdownTable } from "./table";

describe("figure", () => {
  it("checks a bound on the value", () => {
    expect(figure("LCP", 420, "ms", { max: 500 })).toMatchObject({ target: "≤ 500 ms", met: true });
    expect(figure("LCP", 501, "ms", { max: 500 }).met).toBe(false);
    expect(figure("rate", 99_999, "rows/s", { min: 100_000 })).toMatchObject({
      target: "≥ 100,000 rows/s",
      met: false,
    });
  });

  it("checks a bound on the ratio to the same run's baseline", () => {
    const r = figure("route", 13, "ms", { baseline: 10, ratioMax: 1.3 });
    expect(r).toMatchObject({ ratio: 1.3, target: "≤ 1.3× baseline", met: true });
    expect(figure("route", 14, "ms", { baseline: 10, ratioMax: 1.3 }).met).toBe(false);
    // No baseline to compare with: the target is not met.
    expect(figure("route", 14, "ms", { baseline: 0, ratioMax: 1.3 }).met).toBe(false);
  });

  it("has no verdict without a target", () => {
    expect(figure("RSS", 300, "MiB").met).toBeUndefined();
  });
});

describe("markdownTable", () => {
  it("prints one row per figure, failures with their reason", () => {
    const table = markdownTable([
      figure("route", 12, "ms", { baseline: 10, baselineLabel: "sandbox", ratioMax: 1.3 }),
      failed("team: first figure", new Error("not visible | within 30 s\nstack"), "≤ 500 ms"),
    ]);
    const lines = table.split("\n");
    expect(lines[0]).toBe("| figure | value | baseline (same run) | ratio | target | met |");
    expect(lines[2]).toBe("| route | 12 ms | 10 ms (sandbox) | 1.20× | ≤ 1.3× baseline | yes |");
    expect(lines[3]).toBe(
      "| team: first figure | **failed**: not visible \\| within 30 s |  |  | ≤ 500 ms | **no** |",
    );
  });
});
