"use client";

import {
  Area,
  AreaChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartOrTable } from "@/components/ui/chart-or-table";
import { axisProps, TOOLTIP_PROPS, useChartPalette } from "@/components/ui/chart-theme";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatDate } from "@/lib/dates";
import { formatCents, formatCentsCompact } from "@/lib/money";
import type { MonthlyHistory } from "@/lib/overview";

const dayLabel = (d: string) => formatDate(`${d}T12:00:00Z`);
const tickLabel = (d: string) =>
  new Intl.DateTimeFormat("en-US", { month: "short", year: "2-digit", timeZone: "UTC" }).format(
    new Date(`${d}T12:00:00Z`),
  );

/**
 * Total value of the open pockets at each month end and today (an area), with the same numbers
 * as a table. Points appear from today backwards as the earnings history fills.
 */
export function BalanceChart({ history }: { history: MonthlyHistory }) {
  const palette = useChartPalette();
  const points = history.balances;
  const today = points.at(-1);
  const note =
    points.length > 1
      ? `${points.length - 1} month ends and today`
      : "Month ends appear as the earnings history loads";
  return (
    <ChartOrTable
      note={note}
      table={
        <ScrollRegion label="Balance history table">
          <table className="w-full text-sm" data-testid="balance-table">
            <caption className="sr-only">Total value at each month end and today</caption>
            <thead>
              <tr className="text-left text-xs text-ink-600 uppercase dark:text-ink-300">
                <th scope="col" className="py-1">
                  Date
                </th>
                <th scope="col" className="py-1 text-right">
                  Total value
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p, i) => (
                <tr key={p.date} data-date={p.date}>
                  <th scope="row" className="py-1 text-left font-normal">
                    {dayLabel(p.date)}
                    {i === points.length - 1 ? " (today)" : ""}
                  </th>
                  <td className="py-1 text-right tabular-nums">{formatCents(p.cents)}</td>
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
          aria-label={`Total value at ${points.length - 1} month ends and today: ${formatCents(today?.cents ?? 0)} now`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
              <XAxis dataKey="date" tickFormatter={tickLabel} {...axisProps(palette)} />
              <YAxis
                tickFormatter={(c: number) => formatCentsCompact(c)}
                width={72}
                {...axisProps(palette)}
                domain={["auto", "auto"]}
              />
              <Tooltip
                {...TOOLTIP_PROPS}
                formatter={(c) => [formatCents(Number(c)), "Total value"]}
                labelFormatter={(d) => dayLabel(String(d))}
              />
              <Area
                dataKey="cents"
                name="Total value"
                stroke={palette.area}
                fill={palette.bar}
                fillOpacity={0.18}
                strokeWidth={2}
                type="monotone"
              />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
