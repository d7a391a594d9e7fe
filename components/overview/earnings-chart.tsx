"use client";

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartOrTable } from "@/components/ui/chart-or-table";
import { axisProps, TOOLTIP_PROPS, useChartPalette } from "@/components/ui/chart-theme";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { zeroAxis } from "@/lib/chart-palette";
import { plural } from "@/lib/format";
import { formatCents, formatCentsCompact } from "@/lib/money";
import type { EarningsSeries } from "@/lib/overview";

const monthLabel = (month: string) =>
  new Intl.DateTimeFormat("en-US", { month: "short", year: "2-digit", timeZone: "UTC" }).format(
    new Date(`${month}-15T00:00:00Z`),
  );

/** Earnings per month (bars) and their running total (line), with the same numbers as a table. */
export function EarningsChart({ series }: { series: EarningsSeries }) {
  const palette = useChartPalette();
  let running = 0;
  const rows = series.months.map((m) => {
    running += m.cents;
    return { month: m.month, cents: m.cents, cumulative: running };
  });
  const note = series.complete
    ? plural(rows.length, "month")
    : `Loading history from Jiko: ${series.loaded} of ${series.needed} monthly figures, oldest first`;
  if (rows.length === 0) {
    return (
      <div className="flex h-72 flex-col items-center justify-center gap-3">
        <progress
          className="w-64 accent-brand-600"
          max={series.needed}
          value={series.loaded}
          aria-label="Earnings history loaded"
        />
        <p className="text-sm text-ink-600 dark:text-ink-300">
          {note}. The first months appear as soon as every pocket’s figures for them are in.
        </p>
      </div>
    );
  }
  return (
    <ChartOrTable
      note={note}
      table={
        <ScrollRegion label="Earnings by month table">
          <table className="w-full text-sm" data-testid="earnings-table">
            <caption className="sr-only">Earnings by month and cumulative</caption>
            <thead>
              <tr className="text-left text-xs text-ink-600 uppercase dark:text-ink-300">
                <th scope="col" className="py-1">
                  Month
                </th>
                <th scope="col" className="py-1 text-right">
                  Earnings
                </th>
                <th scope="col" className="py-1 text-right">
                  Cumulative
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.month} data-month={r.month}>
                  <th scope="row" className="py-1 text-left font-normal">
                    {monthLabel(r.month)}
                  </th>
                  <td className="py-1 text-right tabular-nums">{formatCents(r.cents)}</td>
                  <td className="py-1 text-right tabular-nums">{formatCents(r.cumulative)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      }
      chart={
        <div
          className="h-72"
          role="img"
          aria-label={`Monthly earnings over ${plural(rows.length, "month")}, ${formatCents(running)} ${series.complete ? "in all" : "so far"}`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
              <XAxis dataKey="month" tickFormatter={monthLabel} {...axisProps(palette)} />
              <YAxis
                yAxisId="m"
                tickFormatter={(c: number) => formatCentsCompact(c)}
                width={72}
                {...axisProps(palette)}
                {...zeroAxis(rows.map((r) => r.cents))}
              />
              <YAxis
                yAxisId="c"
                orientation="right"
                tickFormatter={(c: number) => formatCentsCompact(c)}
                width={72}
                {...axisProps(palette)}
                {...zeroAxis(rows.map((r) => r.cumulative))}
              />
              <Tooltip
                {...TOOLTIP_PROPS}
                formatter={(c, name) => [formatCents(Number(c)), name]}
                labelFormatter={(m) => monthLabel(String(m))}
              />
              <Legend formatter={(name) => <span style={{ color: palette.text }}>{name}</span>} />
              <Bar
                yAxisId="m"
                dataKey="cents"
                name="Earnings"
                fill={palette.bar}
                radius={[3, 3, 0, 0]}
              />
              <Line
                yAxisId="c"
                dataKey="cumulative"
                name="Cumulative"
                stroke={palette.line}
                strokeWidth={2}
                dot={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
