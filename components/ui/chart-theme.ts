/** Colours and tooltip styling shared by the charts (recharts takes them as props). */
export const CHART_COLORS = {
  bar: "#27a08b",
  line: "#434a60",
  area: "#1a8171",
} as const;

/**
 * Tooltip text in ink rather than the series colour: the series colours are too light for text
 * on the tooltip's white (WCAG AA contrast).
 */
export const TOOLTIP_PROPS = {
  itemStyle: { color: "#1f2433" },
  labelStyle: { color: "#1f2433" },
} as const;
