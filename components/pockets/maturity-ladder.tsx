"use client";

import { useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate } from "@/lib/dates";
import type { FixedIncomeSecurity } from "@/lib/jiko/pockets";
import { formatCents, formatCentsCompact } from "@/lib/money";

/** Market value maturing on each date: when the pocket's cash comes back. */
export function MaturityLadder({ securities }: { securities: FixedIncomeSecurity[] }) {
  const [asTable, setAsTable] = useState(false);
  const byDate = new Map<string, number>();
  for (const s of securities)
    byDate.set(s.maturity_date, (byDate.get(s.maturity_date) ?? 0) + s.market_value.value);
  const rows = [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, cents]) => ({ date, cents }));
  if (rows.length === 0)
    return <p className="text-sm text-ink-600 dark:text-ink-300">No T-bills are held.</p>;

  return (
    <div>
      <div className="mb-2 flex justify-end">
        <button
          type="button"
          className="text-sm text-brand-700 underline dark:text-brand-300"
          onClick={() => setAsTable((t) => !t)}
          aria-pressed={asTable}
        >
          {asTable ? "Show chart" : "Show as table"}
        </button>
      </div>
      {asTable ? (
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
                <td className="py-1">{formatDate(`${r.date}T12:00:00Z`)}</td>
                <td className="py-1 text-right tabular-nums">{formatCents(r.cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div
          className="h-64"
          role="img"
          aria-label={`Maturity ladder: ${rows.length} maturity dates, from ${rows[0]!.date} to ${rows.at(-1)!.date}`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
              <CartesianGrid
                strokeDasharray="3 3"
                vertical={false}
                className="stroke-ink-200 dark:stroke-ink-700"
              />
              <XAxis
                dataKey="date"
                tickFormatter={(d: string) => formatDate(`${d}T12:00:00Z`)}
                tick={{ fontSize: 12 }}
              />
              <YAxis
                tickFormatter={(c: number) => formatCentsCompact(c)}
                width={72}
                tick={{ fontSize: 12 }}
              />
              <Tooltip
                formatter={(c) => [formatCents(Number(c)), "Maturing"]}
                labelFormatter={(d) => `Matures ${formatDate(`${String(d)}T12:00:00Z`)}`}
              />
              <Bar dataKey="cents" name="Maturing" fill="#1a8171" radius={[3, 3, 0, 0]} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </div>
  );
}
