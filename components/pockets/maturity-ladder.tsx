"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartOrTable } from "@/components/ui/chart-or-table";
import { CHART_COLORS, TOOLTIP_PROPS } from "@/components/ui/chart-theme";
import { formatDate } from "@/lib/dates";
import type { FixedIncomeSecurity } from "@/lib/jiko/pockets";
import { formatCents, formatCentsCompact } from "@/lib/money";

const day = (d: string) => formatDate(`${d}T12:00:00Z`);

/** Market value maturing on each date: when the pocket's cash comes back. */
export function MaturityLadder({ securities }: { securities: FixedIncomeSecurity[] }) {
  const byDate = new Map<string, number>();
  for (const s of securities)
    byDate.set(s.maturity_date, (byDate.get(s.maturity_date) ?? 0) + s.market_value.value);
  const rows = [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, cents]) => ({ date, cents }));
  if (rows.length === 0)
    return <p className="text-sm text-ink-600 dark:text-ink-300">No T-bills are held.</p>;

  return (
    <ChartOrTable
      table={
        <table className="w-full text-sm">
          <caption className="sr-only">Market value maturing by date</caption>
          <thead>
            <tr className="text-left text-xs text-ink-600 uppercase dark:text-ink-300">
              <th scope="col" className="py-1">
                Maturity
              </th>
              <th scope="col" className="py-1 text-right">
                Market value
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.date}>
                <td className="py-1">{day(r.date)}</td>
                <td className="py-1 text-right tabular-nums">{formatCents(r.cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      chart={
        <div
          className="h-64"
          role="img"
          aria-label={`Maturity ladder: ${rows.length} maturity dates, from ${day(rows[0]!.date)} to ${day(rows.at(-1)!.date)}`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="date" tickFormatter={day} tick={{ fontSize: 12 }} />
              <YAxis
                tickFormatter={(c: number) => formatCentsCompact(c)}
                width={72}
                tick={{ fontSize: 12 }}
              />
              <Tooltip
                {...TOOLTIP_PROPS}
                formatter={(c) => [formatCents(Number(c)), "Maturing"]}
                labelFormatter={(d) => `Matures ${day(String(d))}`}
              />
              <Bar dataKey="cents" name="Maturing" fill={CHART_COLORS.area} radius={[3, 3, 0, 0]} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
