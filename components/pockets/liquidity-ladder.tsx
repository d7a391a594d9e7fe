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
import type { LadderRung } from "@/lib/forecast";
import { formatCents, formatCentsCompact } from "@/lib/money";

const day = (d: string) => formatDate(`${d}T12:00:00Z`);

/** Cash the pocket can hand out by each date as its bills mature, as a step chart or a table. */
export function LiquidityLadder({ rungs }: { rungs: LadderRung[] }) {
  const palette = useChartPalette();
  const first = rungs[0];
  const last = rungs.at(-1);
  if (!first || !last) return null;
  return (
    <ChartOrTable
      note={`${rungs.length - 1} maturity dates · ${formatCents(last.availableCents)} by ${day(last.date)}`}
      table={
        <ScrollRegion label="Liquidity ladder table">
          <table className="w-full text-sm" data-testid="liquidity-table">
            <caption className="sr-only">Cash available by date as bills mature</caption>
            <thead>
              <tr className="text-left text-xs text-ink-600 uppercase dark:text-ink-300">
                <th scope="col" className="py-1 pr-3">
                  Date
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  Maturing
                </th>
                <th scope="col" className="py-1 text-right">
                  Cash available
                </th>
              </tr>
            </thead>
            <tbody>
              {rungs.map((r, i) => (
                <tr key={r.date} data-available={r.availableCents}>
                  <th scope="row" className="py-1 pr-3 text-left font-normal whitespace-nowrap">
                    {i === 0 ? `Today, ${day(r.date)}` : day(r.date)}
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">
                    {r.maturingCents ? formatCents(r.maturingCents) : "—"}
                  </td>
                  <td className="py-1 text-right tabular-nums">{formatCents(r.availableCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      }
      chart={
        <div
          className="h-64"
          role="img"
          aria-label={`Liquidity ladder: ${formatCents(first.availableCents)} available today, ${formatCents(last.availableCents)} by ${day(last.date)}`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={rungs} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
              <XAxis dataKey="date" tickFormatter={day} {...axisProps(palette)} minTickGap={16} />
              <YAxis
                tickFormatter={(c: number) => formatCentsCompact(c)}
                width={64}
                {...axisProps(palette)}
              />
              <Tooltip
                {...TOOLTIP_PROPS}
                formatter={(c) => [formatCents(Number(c)), "Cash available"]}
                labelFormatter={(d) => day(String(d))}
              />
              <Area
                type="stepAfter"
                dataKey="availableCents"
                name="Cash available"
                stroke={palette.area}
                fill={palette.bar}
                fillOpacity={0.25}
              />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
