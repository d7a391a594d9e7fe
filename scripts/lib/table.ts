/** The benchmarks' rows as one Markdown table: figure | value | baseline | ratio | target | met. */
import type { Row } from "./report";

function amount(value: number, unit: string): string {
  const digits =
    Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) < 1 ? 4 : 1;
  const n = value.toLocaleString("en-US", { maximumFractionDigits: digits });
  return unit ? `${n} ${unit}` : n;
}

const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");

export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    "| figure | value | baseline (same run) | ratio | target | met |",
    "|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const value =
      r.value === null ? `**failed**: ${r.error ?? "no value"}` : amount(r.value, r.unit);
    const baseline =
      r.baseline === undefined || r.baseline === null
        ? ""
        : `${amount(r.baseline, r.unit)}${r.baselineLabel ? ` (${r.baselineLabel})` : ""}`;
    const ratio = r.ratio === undefined ? "" : `${r.ratio.toFixed(2)}×`;
    const met = r.met === undefined ? "" : r.met ? "yes" : "**no**";
    lines.push(
      `| ${[r.figure, value, baseline, ratio, r.target ?? "", met].map(cell).join(" | ")} |`,
    );
  }
  return lines.join("\n");
}
