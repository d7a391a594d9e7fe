"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartOrTable } from "@/components/ui/chart-or-table";
import { axisProps, TOOLTIP_PROPS, useChartPalette } from "@/components/ui/chart-theme";
import { zeroAxis } from "@/lib/chart-palette";
import { formatDate } from "@/lib/dates";
import { plural } from "@/lib/format";
import { formatCents, formatCentsCompact } from "@/lib/money";
import type { PocketEarnings } from "@/lib/pocket-schemas";

const label = (grain: PocketEarnings["grain"], l: string) =>
  grain === "month"
    ? new Intl.DateTimeFormat("en-US", { month: "short", year: "2-digit", timeZone: "UTC" }).format(
        new Date(`${l}-15T12:00:00Z`),
      )
    : formatDate(`${l}T12:00:00Z`);

/** The period's earnings day by day or month by month, as bars and as a table. */
export function EarningsBars({ earnings }: { earnings: PocketEarnings }) {
  const palette = useChartPalette();
  const { grain, points } = earnings;
  const loaded = points.filter((p) => p.cents !== null).length;
  const unit = grain === "day" ? "business day" : "month";
  const note = earnings.complete
    ? plural(points.length, unit)
    : `Loading from Jiko: ${loaded} of ${plural(points.length, unit)}`;
  return (
    <ChartOrTable
      note={note}
      table={
        <table className="w-full text-sm" data-testid="pocket-earnings-table">
          <caption className="sr-only">Earnings by {grain}</caption>
          <thead>
            <tr className="text-left text-xs text-ink-600 uppercase dark:text-ink-300">
              <th scope="col" className="py-1">
                {grain === "day" ? "Day" : "Month"}
              </th>
              <th scope="col" className="py-1 text-right">
                Earnings
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.label} data-from={p.from} data-to={p.to}>
                <th scope="row" className="py-1 text-left font-normal">
                  {label(grain, p.label)}
                </th>
                <td className="py-1 text-right tabular-nums">
                  {p.cents === null ? "Loading…" : formatCents(p.cents)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      chart={
        <div
          className="h-56"
          role="img"
          aria-label={`Earnings by ${grain} over ${points.length} ${unit}`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={palette.grid} />
              <XAxis
                dataKey="label"
                tickFormatter={(l: string) => label(grain, l)}
                {...axisProps(palette)}
                minTickGap={16}
              />
              <YAxis
                tickFormatter={(c: number) => formatCentsCompact(c)}
                width={72}
                {...axisProps(palette)}
                {...zeroAxis(points.map((p) => p.cents))}
              />
              <Tooltip
                {...TOOLTIP_PROPS}
                formatter={(c) => [formatCents(Number(c)), "Earnings"]}
                labelFormatter={(l) => label(grain, String(l))}
              />
              <Bar dataKey="cents" name="Earnings" fill={palette.bar} radius={[3, 3, 0, 0]} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
