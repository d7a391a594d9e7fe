"use client";

import { useSyncExternalStore } from "react";
import { CHART_PALETTES, type ChartPalette } from "@/lib/chart-palette";

/**
 * Tooltip text in ink rather than the series colour: the series colours are too light for text
 * on the tooltip's white (WCAG AA contrast). The tooltip stays white in both colour schemes.
 */
export const TOOLTIP_PROPS = {
  itemStyle: { color: "#1f2433" },
  labelStyle: { color: "#1f2433" },
} as const;

const DARK = "(prefers-color-scheme: dark)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(DARK);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * The chart colours for the current colour scheme. Dark mode follows the system (Tailwind's
 * `darkMode: "media"`); recharts takes colours as props, so the chart reads the same media query.
 * The server renders the light palette and the browser switches after hydration.
 */
export function useChartPalette(): ChartPalette {
  const dark = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(DARK).matches,
    () => false,
  );
  return CHART_PALETTES[dark ? "dark" : "light"];
}

/** Axis props in the palette's colours: legible ticks (4.5:1) and visible axis lines. */
export function axisProps(palette: ChartPalette) {
  return {
    tick: { fontSize: 12, fill: palette.text },
    stroke: palette.axis,
  } as const;
}
