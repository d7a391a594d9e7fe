import { describe, expect, it } from "vitest";
import tailwind from "../tailwind.config";
import { CHART_PALETTES, contrastRatio, REQUIRED_CONTRAST, zeroAxis } from "./chart-palette";

describe("contrastRatio", () => {
  it("follows the WCAG formula", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    // WebAIM's reference pair: #777777 on white is 4.48:1.
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#ffffff", "#777777")).toBeCloseTo(4.48, 2);
  });
});

describe("chart palettes", () => {
  it("sit on the cards' real backgrounds (white, and ink-900 in dark mode)", () => {
    expect(CHART_PALETTES.light.card).toBe("#ffffff");
    expect(CHART_PALETTES.dark.card).toBe(tailwind.theme.extend.colors.ink[900]);
  });

  for (const scheme of ["light", "dark"] as const) {
    for (const [role, min] of Object.entries(REQUIRED_CONTRAST)) {
      it(`${scheme}: ${role} meets ${min}:1 against the card`, () => {
        const palette = CHART_PALETTES[scheme];
        const colour = palette[role as keyof typeof REQUIRED_CONTRAST];
        expect(contrastRatio(colour, palette.card)).toBeGreaterThanOrEqual(min);
      });
    }
  }
});

describe("zeroAxis", () => {
  it("gives a single $0 baseline tick when every value is zero", () => {
    expect(zeroAxis([0, 0, 0])).toEqual({ ticks: [0], domain: [0, 1] });
    expect(zeroAxis([0, null, 0])).toEqual({ ticks: [0], domain: [0, 1] });
  });
  it("leaves the chart's own scale once anything is earned", () => {
    expect(zeroAxis([0, 1, 0])).toBeUndefined();
    expect(zeroAxis([-5, 0])).toBeUndefined();
  });
});
