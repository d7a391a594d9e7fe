"use client";

import Link from "next/link";
import { lazy, Suspense } from "react";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { TableHead } from "@/components/ui/table-head";
import { useHydrated } from "@/components/ui/use-hydrated";
import { formatDate } from "@/lib/dates";
import { plural } from "@/lib/format";
import { strategyLabel } from "@/lib/jiko/strategy-terms";
import { formatCents, formatRate } from "@/lib/money";
import { useMonthlyHistory, useOverview } from "./hooks";
import { TreasurySkeleton } from "./treasury-skeleton";

// The charts are below the fold: their code loads once the page has hydrated (both cards draw
// their skeleton until then, as the history may arrive before hydration).
const EarningsChart = lazy(() =>
  import("./earnings-chart").then((m) => ({ default: m.EarningsChart })),
);
const BalanceChart = lazy(() =>
  import("./balance-chart").then((m) => ({ default: m.BalanceChart })),
);

const POCKET_SUMMARY_COLUMNS = [
  { label: "Pocket" },
  { label: "Strategy" },
  { label: "Value", align: "right" },
  { label: "Yield", align: "right" },
  { label: "Earnings, all time", align: "right" },
] as const;

const day = (d: string) => formatDate(`${d}T12:00:00Z`);

export function TreasuryOverview() {
  const { data, error, refetch, isPending } = useOverview();
  // The history may arrive with the page's response, before or after hydration (the charts
  // draw in the browser only anyway).
  const series = useMonthlyHistory();
  const hydrated = useHydrated();
  if (isPending) return <TreasurySkeleton />;
  if (error)
    return (
      <ErrorState
        title="Balances could not load"
        message={error.message}
        onRetry={() => refetch()}
      />
    );

  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Total value"
          value={formatCents(data.totalCents)}
          id="total-value"
          note={plural(data.pockets.length, "pocket")}
        />
        <Stat
          label="Current yield"
          value={formatRate(data.currentYield)}
          id="current-yield"
          note="Annualized, weighted by value"
        />
        <Stat
          label="Earnings this month"
          value={formatCents(data.earnings.mtd)}
          id="earnings-mtd"
          note={`Through ${day(data.asOf)}`}
        />
        <Stat
          label="Earnings this year"
          value={formatCents(data.earnings.ytd)}
          id="earnings-ytd"
          note={`All time: ${formatCents(data.earnings.allTime)}`}
        />
      </dl>

      <Card title="Earnings by month">
        {!hydrated || series.isPending ? (
          <Skeleton className="h-72" />
        ) : series.error ? (
          <ErrorState
            title="Earnings history could not load"
            message={series.error.message}
            onRetry={() => series.refetch()}
          />
        ) : (
          <Suspense fallback={<Skeleton className="h-72" />}>
            <EarningsChart series={series.data} />
          </Suspense>
        )}
      </Card>

      <Card title="Balance history">
        {!hydrated || series.isPending ? (
          <Skeleton className="h-72" />
        ) : series.error ? (
          <ErrorState
            title="Balance history could not load"
            message={series.error.message}
            onRetry={() => series.refetch()}
          />
        ) : (
          <Suspense fallback={<Skeleton className="h-72" />}>
            <BalanceChart history={series.data} />
          </Suspense>
        )}
      </Card>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title="Pockets">
            <ScrollRegion label="Pockets table">
              <table className="w-full text-sm">
                <TableHead columns={POCKET_SUMMARY_COLUMNS} />
                <tbody>
                  {data.pockets.map((p) => (
                    <tr
                      key={p.id}
                      className="border-b border-ink-100 last:border-0 dark:border-ink-800"
                    >
                      <th scope="row" className="py-2 pr-4 text-left font-medium">
                        <Link
                          href={`/pockets/${p.id}`}
                          className="text-brand-700 hover:underline dark:text-brand-300"
                        >
                          {p.name}
                        </Link>
                      </th>
                      <td className="py-2 pr-4">{strategyLabel(p.strategyId)}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">
                        {formatCents(p.valueCents)}
                      </td>
                      <td className="py-2 pr-4 text-right tabular-nums">{formatRate(p.yield)}</td>
                      <td className="py-2 text-right tabular-nums">
                        {formatCents(p.allTimeCents)}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="border-t-2 border-ink-200 font-semibold dark:border-ink-700">
                    <th scope="row" colSpan={2} className="py-2 pr-4 text-left">
                      Total
                    </th>
                    <td className="py-2 pr-4 text-right tabular-nums">
                      {formatCents(data.totalCents)}
                    </td>
                    <td className="py-2 pr-4 text-right tabular-nums">
                      {formatRate(data.currentYield)}
                    </td>
                    <td className="py-2 text-right tabular-nums">
                      {formatCents(data.earnings.allTime)}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </ScrollRegion>
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Maturing in 30 days">
            {data.maturities.length === 0 ? (
              <p className="text-sm text-ink-600 dark:text-ink-300">
                No T-bills mature in the next 30 days.
              </p>
            ) : (
              <ul className="divide-y divide-ink-100 text-sm dark:divide-ink-800">
                {data.maturities.map((m) => (
                  <li
                    key={`${m.pocketId}-${m.cusip}`}
                    className="flex justify-between gap-3 py-1.5"
                  >
                    <span>
                      <span className="block">{day(m.maturityDate)}</span>
                      <span className="block text-xs text-ink-600 dark:text-ink-300">
                        {m.pocketName} · {m.cusip}
                      </span>
                    </span>
                    <span className="tabular-nums">{formatCents(m.faceCents)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Forecast">
            <p className="text-sm text-ink-600 dark:text-ink-300">
              What the bills held today will earn if yields hold (reinvestment not counted).
            </p>
            <dl className="mt-3 grid grid-cols-2 gap-3 lg:grid-cols-1 xl:grid-cols-2">
              <Stat
                label="Next 30 days"
                value={formatCents(data.forecast.days30)}
                id="forecast-30"
                small
              />
              <Stat
                label="Next 90 days"
                value={formatCents(data.forecast.days90)}
                id="forecast-90"
                small
              />
            </dl>
          </Card>
        </div>
      </div>
    </div>
  );
}
