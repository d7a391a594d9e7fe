/**
 * The charts' colours per colour scheme, and the WCAG contrast arithmetic that keeps them legible:
 * graphics (bars, lines, legend swatches) at least 3:1 and text (ticks, legend) at least 4.5:1
 * against the card they sit on (white in light mode, ink-900 in dark mode).
 */

export type ColorScheme = "light" | "dark";

export interface ChartPalette {
  /** The card behind the chart. */
  card: string;
  /** Bars, and the area's fill. */
  bar: string;
  /** A line drawn over bars (cumulative earnings). */
  line: string;
  /** The area's outline. */
  area: string;
  /** Tick labels and legend text. */
  text: string;
  /** Axis lines. */
  axis: string;
  /** Grid lines: decorative, kept faint on purpose. */
  grid: string;
}

export const CHART_PALETTES: Record<ColorScheme, ChartPalette> = {
  light: {
    card: "#ffffff",
    bar: "#27a08b",
    line: "#434a60",
    area: "#1a8171",
    text: "#4b5570",
    axis: "#5b6683",
    grid: "#d5d9e2",
  },
  dark: {
    card: "#1c2030",
    bar: "#48bba5",
    line: "#b0b8c9",
    area: "#7dd5c2",
    text: "#b0b8c9",
    axis: "#8591aa",
    grid: "#434a60",
  },
};

/** The colours that carry meaning, with the contrast WCAG AA asks of each against the card. */
export const REQUIRED_CONTRAST: Record<Exclude<keyof ChartPalette, "card" | "grid">, number> = {
  bar: 3,
  line: 3,
  area: 3,
  axis: 3,
  text: 4.5,
};

/** WCAG 2 relative luminance of a "#rrggbb" colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = Number.parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Value-axis settings for a series: when every value is zero (a pocket opened today), one "$0"
 * baseline tick instead of the column of "$0"s a flat [0, 0] domain gives; otherwise the chart's
 * own scale (undefined).
 */
export function zeroAxis(
  values: readonly (number | null)[],
): { ticks: number[]; domain: [number, number] } | undefined {
  return values.every((v) => !v) ? { ticks: [0], domain: [0, 1] } : undefined;
}
